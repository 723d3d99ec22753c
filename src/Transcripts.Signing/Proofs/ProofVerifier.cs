// VC Data Integrity 1.0 §4.4 Verify Proof and §4.5 for sets and chains, with the checks of vc-di-eddsa §3.3.2 /
// vc-di-ecdsa §3.3.2: type and cryptosuite known, proofPurpose as expected, @context of the proof a prefix of the
// document's, key type accepted by the suite, signature over H(proof config) ‖ H(document).
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;

namespace Transcripts.Signing.Proofs;

internal sealed class ProofVerifier(ProofVerificationOptions options)
{
    private readonly VerificationMethodResolver _resolver = new(options);

    public ProofVerificationResult Verify(JsonObject securedDocument)
    {
        var proofs = ProofSet.Proofs(securedDocument);
        if (proofs.Count > options.Limits.MaxProofs)
        {
            return new([new ProofResult(0, false,
                $"The document has {proofs.Count} proofs; at most {options.Limits.MaxProofs} are checked.", null, null, null)]);
        }
        var results = new List<ProofResult>(proofs.Count);
        for (var i = 0; i < proofs.Count; i++)
        {
            results.Add(VerifyOne(securedDocument, proofs, i));
        }
        ProofSet.RequireReferencedProofs(proofs, results);
        return new(results);
    }

    private ProofResult VerifyOne(JsonObject securedDocument, IReadOnlyList<JsonNode?> proofs, int index)
    {
        if (proofs[index] is not JsonObject proof)
        {
            return new(index, false, "The proof is not a JSON object.", null, null, null);
        }
        var type = Text(proof, "type");
        var cryptosuite = Text(proof, "cryptosuite");
        var method = Text(proof, "verificationMethod");
        ProofResult Fail(string reason, PublicKey? key = null) => new(index, false, reason, cryptosuite ?? type, method, key);

        if (type is null)
        {
            return Fail("The proof has no type.");
        }
        if (type == Cryptosuite.DataIntegrityProofType && cryptosuite is null)
        {
            return Fail("The proof names no cryptosuite, so it cannot be checked.");
        }
        var suite = CryptosuiteRegistry.Find(type, cryptosuite);
        if (suite is null)
        {
            return Fail(type == Cryptosuite.DataIntegrityProofType
                ? $"The proof uses the cryptosuite '{cryptosuite}', which this verifier does not support (supported: {CryptosuiteRegistry.Names})."
                : $"The proof has the type '{type}', which this verifier does not support.");
        }
        var proofValue = Text(proof, "proofValue");
        if (proofValue is null)
        {
            return Fail("The proof has no proofValue (signature).");
        }
        if (method is null)
        {
            return Fail("The proof names no verificationMethod (signing key).");
        }
        var purpose = Text(proof, "proofPurpose");
        if (purpose != options.ExpectedProofPurpose)
        {
            return Fail($"The proof's purpose is '{purpose ?? "(none)"}', but '{options.ExpectedProofPurpose}' is required.");
        }
        if (CheckTimeAndScope(proof) is { } scopeFailure)
        {
            return Fail(scopeFailure);
        }

        JsonArray? previousProofs = null;
        var previous = ProofSet.PreviousProofIds(proof);
        if (previous is null)
        {
            return Fail("The proof's previousProof is neither a string nor a list of strings.");
        }
        if (previous.Count > 0)
        {
            var others = proofs.Where((_, i) => i != index).ToList();
            var matching = ProofSet.Matching(others, previous, out var failure);
            if (matching is null)
            {
                return Fail(failure!);
            }
            previousProofs = matching;
        }
        var proofOptions = JsonCopy.Of(proof);
        var proofContext = proof["@context"];
        if (proofContext is not null && !StartsWith(securedDocument["@context"], proofContext))
        {
            return Fail("The proof's @context does not match the start of the document's @context.");
        }

        var signedAt = DateTimeOffset.TryParse(Text(proof, "created"), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var created) ? created : (DateTimeOffset?)null;
        var key = _resolver.Resolve(method, purpose, signedAt, out var reason);
        if (key is null)
        {
            return Fail(reason);
        }
        if (!suite.Supports(key.Type))
        {
            return Fail($"The key {method} is a {key.Type} key, which the cryptosuite {suite.Name} does not use.", key);
        }
        try
        {
            var signature = suite.DecodeProofValue(proofValue);
            var expectedLength = SignatureSize(key.Type);
            if (signature.Length != expectedLength)
            {
                return Fail($"The proof's signature has {signature.Length} bytes; a {key.Type} signature has {expectedLength}.", key);
            }
            var proofConfig = suite.CreateProofConfiguration(proofOptions, proofContext ?? securedDocument["@context"]);
            var context = new CryptosuiteContext(options.Limits, options.DocumentLoader, key.Type);
            var hashData = suite.HashData(suite.Canonicalize(proofConfig, context),
                suite.HashDocument(securedDocument, proofContext, previousProofs, context), key.Type);
            return key.Verify(hashData, signature)
                ? new(index, true, $"The {suite.Name} signature by {method} is valid.", suite.Name, method, key)
                : Fail($"The {suite.Name} signature does not match the document: it was changed after signing, or signed with another key.", key);
        }
        catch (SigningException e)
        {
            return Fail($"The proof could not be checked: {e.Message}", key) with { Error = e.Error };
        }
    }

    private string? CheckTimeAndScope(JsonObject proof)
    {
        if (proof["expires"] is not null)
        {
            if (Text(proof, "expires") is not { } expiresText || !DateTimeOffset.TryParse(expiresText, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expires))
            {
                return "The proof's expires value is not a date and time.";
            }
            if (options.Now is { } now && now > expires)
            {
                return $"The proof expired on {expires:yyyy-MM-dd HH:mm} UTC.";
            }
        }
        if (options.ExpectedDomain is { } domain)
        {
            var domains = proof["domain"] switch
            {
                JsonArray array => array.Select(d => d is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null),
                JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
                _ => [],
            };
            if (!domains.Contains(domain))
            {
                return $"The proof is not for the domain '{domain}'.";
            }
        }
        if (options.ExpectedChallenge is { } challenge && Text(proof, "challenge") != challenge)
        {
            return "The proof does not answer the expected challenge.";
        }
        return null;
    }

    private static bool StartsWith(JsonNode? documentContext, JsonNode proofContext)
    {
        JsonNode?[] Items(JsonNode? node) => node is JsonArray a ? [.. a] : [node];
        var documentItems = Items(documentContext);
        var proofItems = Items(proofContext);
        return proofItems.Length <= documentItems.Length
            && proofItems.Select((item, i) => JsonNode.DeepEquals(item, documentItems[i])).All(equal => equal);
    }

    private static int SignatureSize(KeyType type) => type switch
    {
        KeyType.Ed25519 => Ed25519.SignatureSize,
        KeyType.P256 => P256.SignatureSize,
        _ => P384.SignatureSize,
    };

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
