// Data Integrity proofs (W3C VC Data Integrity 1.0 §4.2 Add Proof, §4.3 Add Proof Set/Chain, §4.4 Verify Proof,
// §4.5 Verify Proof Sets and Chains), with the cryptosuite-specific steps delegated to a Cryptosuite.
// Signing never mutates its input: it returns a new document with the proof appended to any existing proofs.
using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Verification.DataModel;

namespace Transcripts.Signing.Proofs;

/// <summary>Creates and verifies Data Integrity proofs (<c>DataIntegrityProof</c>; eddsa-jcs-2022, ecdsa-jcs-2019).</summary>
public static class DataIntegrityProof
{
    /// <summary>
    /// Signs <paramref name="unsecuredDocument"/> and returns a new document with the proof added. If the document
    /// already has proofs, the new proof joins them as a proof set (or a chain, with <see cref="ProofOptions.PreviousProof"/>).
    /// </summary>
    /// <exception cref="SigningException">
    /// The cryptosuite is unknown (<see cref="SigningError.UnsupportedCryptosuite"/>), does not sign with the key's type
    /// (<see cref="SigningError.KeyTypeMismatch"/>), a previous proof is missing (<see cref="SigningError.InvalidProof"/>),
    /// or the document cannot be canonicalized.
    /// </exception>
    public static JsonObject Sign(JsonObject unsecuredDocument, ProofOptions options, KeyPair signer)
    {
        ArgumentNullException.ThrowIfNull(unsecuredDocument);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(signer);
        if (string.IsNullOrEmpty(options.Cryptosuite))
        {
            throw new SigningException(SigningError.UnsupportedCryptosuite,
                $"The proof options name no cryptosuite; choose one of {CryptosuiteRegistry.SigningNames}.");
        }
        var suite = CryptosuiteRegistry.Find(Cryptosuite.DataIntegrityProofType, options.Cryptosuite)
            ?? throw new SigningException(SigningError.UnsupportedCryptosuite,
                $"The cryptosuite '{options.Cryptosuite}' is not supported; choose one of {CryptosuiteRegistry.SigningNames}.");
        if (!suite.Supports(signer.Type))
        {
            throw new SigningException(SigningError.KeyTypeMismatch,
                $"The cryptosuite {suite.Name} cannot sign with a {signer.Type} key.");
        }

        var existing = ProofSet.Proofs(unsecuredDocument);
        if (options.Id is not null && existing.Any(p => ProofSet.IdOf(p) == options.Id))
        {
            throw new SigningException(SigningError.InvalidProof,
                $"The document already has a proof with the id '{options.Id}'; a new proof needs an id of its own.");
        }
        JsonArray? previousProofs = null;
        if (options.PreviousProof is { Count: > 0 } previous)
        {
            // VC Data Integrity §4.3 steps 4-5: every previousProof id names exactly one proof already in the document.
            previousProofs = ProofSet.Matching(existing, previous, out var failure)
                ?? throw new SigningException(SigningError.InvalidProof, failure!.Replace("The proof chains", "The new proof chains", StringComparison.Ordinal));
        }

        var proof = CreateProofOptions(options, suite);
        var documentContext = unsecuredDocument["@context"];
        if (suite.ProofIncludesContext && documentContext is not null)
        {
            proof["@context"] = JsonCopy.Of(documentContext);
        }
        var proofConfig = suite.CreateProofConfiguration(JsonCopy.Of(proof), documentContext);
        var suiteContext = new CryptosuiteContext(options.Limits, options.DocumentLoader, signer.Type);
        var hashData = suite.HashData(suite.Canonicalize(proofConfig, suiteContext),
            suite.HashDocument(unsecuredDocument, null, previousProofs, suiteContext), signer.Type);
        proof["proofValue"] = suite.EncodeProofValue(signer.Sign(hashData));

        var secured = JsonCopy.Of(unsecuredDocument);
        if (existing.Count == 0)
        {
            secured["proof"] = proof;
        }
        else
        {
            var all = new JsonArray();
            foreach (var p in existing)
            {
                var copy = JsonCopy.Of(p);
                all.Add(copy);
            }
            all.Add((JsonNode)proof);
            secured["proof"] = all;
        }
        return secured;
    }

    /// <summary>
    /// Verifies every proof of <paramref name="securedDocument"/> independently (a proof set), following
    /// <c>previousProof</c> links (a chain). Never throws for a bad document: each failure is a result with a reason.
    /// </summary>
    public static ProofVerificationResult Verify(JsonObject securedDocument, ProofVerificationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(securedDocument);
        return new ProofVerifier(options ?? ProofVerificationOptions.Default).Verify(securedDocument);
    }

    private static JsonObject CreateProofOptions(ProofOptions options, Cryptosuite suite)
    {
        var proof = new JsonObject { ["type"] = suite.ProofType };
        if (options.Id is not null)
        {
            proof["id"] = options.Id;
        }
        proof["cryptosuite"] = suite.Name;
        if (options.Created is { } created)
        {
            proof["created"] = DateTimeStamp.Format(created);
        }
        if (options.Expires is { } expires)
        {
            proof["expires"] = DateTimeStamp.Format(expires);
        }
        proof["verificationMethod"] = options.VerificationMethod;
        proof["proofPurpose"] = options.ProofPurpose;
        if (options.Domain is not null)
        {
            proof["domain"] = options.Domain;
        }
        if (options.Challenge is not null)
        {
            proof["challenge"] = options.Challenge;
        }
        if (options.PreviousProof is { Count: > 0 } previous)
        {
            proof["previousProof"] = previous.Count == 1 ? previous[0] : new JsonArray([.. previous.Select(id => (JsonNode?)id)]);
        }
        return proof;
    }
}
