// The did:key method (W3C CCG did:key v0.9, §3 Create/Read): the method-specific identifier is the
// key's Multikey publicKeyMultibase, and the one verification method's fragment repeats it. Resolution
// is offline and purely syntactic. Deviation: the optional X25519 keyAgreement key derived from an Ed25519
// key (enableEncryptionKeyDerivation) is not produced; signing and verifying never need it.
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace Transcripts.Signing.Keys;

/// <summary>Creates and resolves <c>did:key</c> identifiers.</summary>
public static class DidKey
{
    /// <summary>The prefix of every did:key.</summary>
    public const string Prefix = "did:key:";

    /// <summary>The DID of <paramref name="key"/>, <c>did:key:z…</c>.</summary>
    public static string Create(PublicKey key) => Prefix + Multikey.Encode(key);

    /// <summary>The id of the key's verification method, <c>did:key:z…#z…</c>.</summary>
    public static string VerificationMethodId(PublicKey key)
    {
        var multikey = Multikey.Encode(key);
        return Prefix + multikey + "#" + multikey;
    }

    /// <summary>Resolves a did:key DID or DID URL (<c>did:key:z…</c> or <c>did:key:z…#z…</c>) to its public key.</summary>
    /// <exception cref="SigningException">
    /// It is not a did:key, the fragment names another key (<see cref="SigningError.InvalidDid"/>), or the key cannot be
    /// decoded (<see cref="SigningError.InvalidMultibase"/>, <see cref="SigningError.UnsupportedMulticodec"/>, …).
    /// </exception>
    public static PublicKey Resolve(string didUrl)
    {
        ArgumentNullException.ThrowIfNull(didUrl);
        if (!didUrl.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new SigningException(SigningError.InvalidDid, $"'{Shorten(didUrl)}' is not a did:key identifier.");
        }
        var rest = didUrl.AsSpan(Prefix.Length);
        var hash = rest.IndexOf('#');
        var id = hash < 0 ? rest : rest[..hash];
        if (hash >= 0 && !rest[(hash + 1)..].SequenceEqual(id))
        {
            throw new SigningException(SigningError.InvalidDid,
                "The did:key URL's fragment does not repeat its key, so it names no verification method of that DID.");
        }
        if (id.Length == 0 || id.ContainsAny('/', '?', ':'))
        {
            throw new SigningException(SigningError.InvalidDid, $"'{Shorten(didUrl)}' is not a valid did:key identifier.");
        }
        return Multikey.Decode(id.ToString());
    }

    /// <summary>Resolves like <see cref="Resolve"/>; <see langword="false"/> where it would throw.</summary>
    public static bool TryResolve(string? didUrl, [NotNullWhen(true)] out PublicKey? key)
    {
        try
        {
            key = didUrl is null ? null : Resolve(didUrl);
        }
        catch (SigningException)
        {
            key = null;
        }
        return key is not null;
    }

    /// <summary>The DID document of a did:key, with one <c>Multikey</c> verification method authorised for every purpose.</summary>
    /// <exception cref="SigningException">The DID cannot be resolved; see <see cref="Resolve"/>.</exception>
    public static JsonObject CreateDocument(string did)
    {
        var key = Resolve(did);
        var id = Create(key);
        var vmId = VerificationMethodId(key);
        return new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/did/v1.1"),
            ["id"] = id,
            ["verificationMethod"] = new JsonArray(new JsonObject
            {
                ["id"] = vmId,
                ["type"] = "Multikey",
                ["controller"] = id,
                ["publicKeyMultibase"] = Multikey.Encode(key),
            }),
            ["authentication"] = new JsonArray(vmId),
            ["assertionMethod"] = new JsonArray(vmId),
            ["capabilityDelegation"] = new JsonArray(vmId),
            ["capabilityInvocation"] = new JsonArray(vmId),
        };
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
