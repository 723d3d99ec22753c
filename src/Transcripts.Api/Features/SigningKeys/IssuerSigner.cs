using System.Text.Json.Nodes;
using Transcripts.Api.Data.Entities;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Proofs;

namespace Transcripts.Api.Features.SigningKeys;

/// <summary>An institution's active key, opened for one request or one batch item; disposing it zeroes the key.</summary>
internal sealed class IssuerSigner(IssuerIdentity identity, SigningKey key, KeyPair pair, DateTimeOffset now) : IDisposable
{
    public IssuerIdentity Identity { get; } = identity;
    public SigningKey Key { get; } = key;
    public DateTimeOffset Now { get; } = now;
    public string VerificationMethod => Identity.VerificationMethod(Key);
    public KeyPair Pair => pair;

    /// <summary>Adds a Data Integrity proof with the institution's cryptosuite.</summary>
    /// <exception cref="Transcripts.Signing.SigningException">The document cannot be canonicalized (an unknown context, an undefined term…).</exception>
    public JsonObject Sign(JsonObject document) => DataIntegrityProof.Sign(document, new ProofOptions
    {
        Cryptosuite = Identity.Settings.Cryptosuite, VerificationMethod = VerificationMethod, Created = Now,
    }, pair);

    public void Dispose() => pair.Dispose();
}
