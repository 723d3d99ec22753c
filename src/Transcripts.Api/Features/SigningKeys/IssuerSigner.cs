using System.Text.Json.Nodes;
using Transcripts.Api.Data.Entities;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Proofs;

namespace Transcripts.Api.Features.SigningKeys;

/// <summary>An institution's active key, opened for one request or one chunk of a batch; disposing it zeroes the key.</summary>
internal sealed class IssuerSigner(IssuerIdentity identity, SigningKey key, KeyPair pair, DateTimeOffset now) : IDisposable
{
    public IssuerIdentity Identity { get; } = identity;
    public SigningKey Key { get; } = key;
    public DateTimeOffset Now { get; } = now;
    public string VerificationMethod => Identity.VerificationMethod(Key);
    public KeyPair Pair => pair;

    // NSec (libsodium) signs with one secret key from any number of threads; .NET's ECDsa promises no such thing for an
    // instance, so a P-256 signer signs one document at a time.
    private readonly Lock? _exclusive = pair is Ed25519KeyPair ? null : new();

    /// <summary>Adds a Data Integrity proof with the institution's cryptosuite. Safe to call from several threads.</summary>
    /// <exception cref="Transcripts.Signing.SigningException">The document cannot be canonicalized (an unknown context, an undefined term…).</exception>
    public JsonObject Sign(JsonObject document)
    {
        if (_exclusive is null)
        {
            return SignCore(document);
        }
        lock (_exclusive)
        {
            return SignCore(document);
        }
    }

    private JsonObject SignCore(JsonObject document) => DataIntegrityProof.Sign(document, new ProofOptions
    {
        Cryptosuite = Identity.Settings.Cryptosuite, VerificationMethod = VerificationMethod, Created = Now,
    }, pair);

    public void Dispose() => pair.Dispose();
}
