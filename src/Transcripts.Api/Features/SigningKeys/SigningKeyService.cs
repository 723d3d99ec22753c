using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Trust;

namespace Transcripts.Api.Features.SigningKeys;

/// <summary>Generates, seals, rotates and opens institutions' signing keys.</summary>
internal sealed class SigningKeyService(TranscriptsDb db, KeyEncryption encryption, TimeProvider clock,
    IOptions<SigningOptions> options, ILogger<SigningKeyService> logger)
{
    public const string Ed25519Type = "Ed25519";
    public const string P256Type = "P256";

    /// <summary>The stored key type for the name a person types: the curve's own name <c>P-256</c> is <see cref="P256Type"/>.</summary>
    public static string KeyTypeNamed(string name) => name == "P-256" ? P256Type : name;

    public bool CanSign => encryption.IsConfigured;

    /// <summary>
    /// Generates a key and makes it the active one. The previous active key first names the new one in a key link (so
    /// verifiers can follow the rotation), then is retired and its private key destroyed; its public key stays published.
    /// </summary>
    public async Task<SigningKey> RotateAsync(Guid institutionId, string keyType, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var key = Generate(institutionId, keyType, now);
        var settings = await SettingsAsync(institutionId, cancellationToken);
        var institution = await db.Institutions.AsNoTracking().SingleAsync(i => i.Id == institutionId, cancellationToken);
        foreach (var old in await db.SigningKeys.Where(k => k.InstitutionId == institutionId && k.RetiredAt == null && k.RevokedAt == null)
                     .ToListAsync(cancellationToken))
        {
            if (old.HasPrivateKey && IssuerIdentity.For(institution, settings, old, options.Value) is { } was
                && IssuerIdentity.For(institution, settings, key, options.Value) is { } next)
            {
                var successor = next.VerificationMethod(key);
                using var pair = Open(old);
                key.PredecessorLink = TrustBundle.CreateKeyLink(was.VerificationMethod(old), pair, new IssuerKey(successor,
                    IssuerKey.ControllerOf(successor), Multikey.Decode(key.PublicKeyMultibase), KeyState.Active), now).ToJsonString();
            }
            old.RetiredAt = now;
            Destroy(old);
            Log.KeyRetired(logger, old.Id, institutionId);
        }
        db.SigningKeys.Add(key);
        if (keyType == P256Type && settings.Cryptosuite.StartsWith("eddsa", StringComparison.Ordinal))
        {
            settings.Cryptosuite = settings.Cryptosuite.Replace("eddsa", "ecdsa", StringComparison.Ordinal).Replace("2022", "2019", StringComparison.Ordinal);
        }
        else if (keyType == Ed25519Type && settings.Cryptosuite.StartsWith("ecdsa", StringComparison.Ordinal))
        {
            settings.Cryptosuite = settings.Cryptosuite.Replace("ecdsa", "eddsa", StringComparison.Ordinal).Replace("2019", "2022", StringComparison.Ordinal);
        }
        Log.KeyCreated(logger, key.Id, keyType, institutionId);
        return key;
    }

    /// <summary>The institution's issuing settings, created with defaults on first use (tracked; saved by the caller).</summary>
    public async Task<IssuerSettings> SettingsAsync(Guid institutionId, CancellationToken cancellationToken)
    {
        var settings = db.IssuerSettings.Local.FirstOrDefault(s => s.InstitutionId == institutionId)
            ?? await db.IssuerSettings.SingleOrDefaultAsync(s => s.InstitutionId == institutionId, cancellationToken);
        if (settings is null)
        {
            settings = new IssuerSettings { InstitutionId = institutionId };
            db.IssuerSettings.Add(settings);
        }
        return settings;
    }

    public async Task<IssuerIdentity?> IdentityAsync(Guid institutionId, CancellationToken cancellationToken)
    {
        var institution = await db.Institutions.AsNoTracking().SingleAsync(i => i.Id == institutionId, cancellationToken);
        var settings = await SettingsAsync(institutionId, cancellationToken);
        var active = await ActiveKeyAsync(institutionId, cancellationToken);
        var policy = await db.CredentialPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.InstitutionId == institutionId, cancellationToken);
        var identity = IssuerIdentity.For(institution, settings, active, options.Value);
        return identity is not null && policy is not null ? identity with { Policy = policy } : identity;
    }

    /// <summary>The active key, seeing this request's unsaved changes (a key retired or revoked a moment ago is not active).</summary>
    public async Task<SigningKey?> ActiveKeyAsync(Guid institutionId, CancellationToken cancellationToken)
    {
        await db.SigningKeys.Where(k => k.InstitutionId == institutionId && k.RetiredAt == null && k.RevokedAt == null).LoadAsync(cancellationToken);
        return db.SigningKeys.Local.Where(k => k.InstitutionId == institutionId && k.IsActive).MaxBy(k => k.CreatedAt);
    }

    /// <summary>Destroys the private key of a retired or revoked key: the sealed bytes are zeroed and the column emptied.</summary>
    public static void Destroy(SigningKey key)
    {
        CryptographicOperations.ZeroMemory(key.SealedPrivateKey);
        key.SealedPrivateKey = [];
    }

    /// <summary>
    /// Publishes, signed with the active key, the list of credentials each revoked key of the institution really signed (from
    /// this service's own Credentials table), for every revoked key that has none yet. Returns how many lists were made.
    /// </summary>
    public async Task<int> PublishIssuedCredentialsAsync(IssuerSigner signer, CancellationToken cancellationToken)
    {
        var institutionId = signer.Identity.Institution.Id;
        var pending = (await db.SigningKeys.Where(k => k.InstitutionId == institutionId).ToListAsync(cancellationToken))
            .Where(k => k.RevokedAt is not null && k.IssuedCredentialsList is null).ToList();
        foreach (var key in pending)
        {
            var digests = new List<string>();
            await foreach (var bytes in db.Credentials.AsNoTracking().Where(c => c.SigningKeyId == key.Id).Select(c => c.Bytes)
                               .AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                digests.Add(IssuedCredentialsList.Digest(System.Text.Json.Nodes.JsonNode.Parse(bytes)!.AsObject()));
            }
            var method = signer.Identity.VerificationMethod(key);
            var revoked = new IssuerKey(method, IssuerKey.ControllerOf(method), Multikey.Decode(key.PublicKeyMultibase), KeyState.Revoked,
                key.RetiredAt, key.RevokedAt);
            key.IssuedCredentialsList = IssuedCredentialsList.Create(IssuerKey.ControllerOf(method), revoked, digests, signer.Now,
                signer.VerificationMethod, signer.Pair).ToJsonString();
            Log.IssuedCredentialsPublished(logger, key.Id, digests.Count, institutionId);
        }
        return pending.Count;
    }

    /// <summary>Opens the private key of <paramref name="key"/>; dispose the result promptly.</summary>
    /// <exception cref="InvalidOperationException">The key was retired or revoked: its private key no longer exists.</exception>
    public KeyPair Open(SigningKey key)
    {
        if (!key.HasPrivateKey)
        {
            throw new InvalidOperationException($"The private key of signing key {key.Id} was destroyed when it was retired or revoked.");
        }
        var secret = encryption.Open(key.Id, key.SealedPrivateKey);
        try
        {
            return key.KeyType == P256Type ? P256KeyPair.FromPrivateKey(secret) : Ed25519KeyPair.FromSeed(secret);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>
    /// Opens the P-256 document-signing key derived from <paramref name="key"/> (<see cref="DocumentSigningKey"/>); dispose
    /// it promptly. The caller publishes <see cref="DocumentSigningKey.PublicKeyMultibase"/> when the row has none yet.
    /// </summary>
    public System.Security.Cryptography.ECDsa OpenDocumentKey(SigningKey key)
    {
        var secret = encryption.Open(key.Id, key.SealedPrivateKey);
        try
        {
            return DocumentSigningKey.Derive(secret, key.Id);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private SigningKey Generate(Guid institutionId, string keyType, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7();
        byte[] secret;
        if (keyType == P256Type)
        {
            using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            secret = ec.ExportParameters(includePrivateParameters: true).D!;
        }
        else
        {
            secret = RandomNumberGenerator.GetBytes(Ed25519.SeedSize);
        }
        try
        {
            using KeyPair pair = keyType == P256Type ? P256KeyPair.FromPrivateKey(secret) : Ed25519KeyPair.FromSeed(secret);
            using var documentKey = DocumentSigningKey.Derive(secret, id);
            return new SigningKey
            {
                Id = id, InstitutionId = institutionId, KeyType = keyType, PublicKeyMultibase = Multikey.Encode(pair.PublicKey),
                DocumentPublicKeyMultibase = DocumentSigningKey.PublicKeyMultibase(documentKey),
                SealedPrivateKey = encryption.Seal(id, secret), CreatedAt = now,
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}

internal static class SigningKeyServiceExtensions
{
    /// <summary>
    /// Opens the institution's active key for signing, or says why not. An institution that never had a key gets an
    /// Ed25519 key here. Two requests or instances may meet an institution's first use at once: the check and the new key
    /// are then one write turn, so exactly one key is made and the other caller signs with it (outside a turn, it would
    /// see no active key but a key, and fail, or make a second active key). A caller with changes of its own pending keeps
    /// the key in its own save, as before: nothing of its work is saved early.
    /// </summary>
    public static async Task<(IssuerSigner? Signer, SignerUnavailable? Unavailable)> OpenSignerAsync(
        this SigningKeyService keys, TranscriptsDb db, Guid institutionId, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!keys.CanSign)
        {
            return (null, SignerUnavailable.NotConfigured);
        }
        var active = await keys.ActiveKeyAsync(institutionId, cancellationToken);
        if (active is null)
        {
            var write = db.ChangeTracker.HasChanges() ? null : await db.BeginLockedWriteAsync(cancellationToken);
            await using (write)
            {
                // In the turn, read again: another caller may have made the first key since.
                active = write is null ? null : await keys.ActiveKeyAsync(institutionId, cancellationToken);
                if (active is null)
                {
                    if (await db.SigningKeys.AnyAsync(k => k.InstitutionId == institutionId, cancellationToken))
                    {
                        return (null, SignerUnavailable.NoActiveKey);
                    }
                    active = await keys.RotateAsync(institutionId, SigningKeyService.Ed25519Type, cancellationToken);
                    if (write is not null)
                    {
                        await db.SaveChangesAsync(cancellationToken);
                        await write.CommitAsync(cancellationToken);
                    }
                }
            }
        }
        var identity = await keys.IdentityAsync(institutionId, cancellationToken);
        if (identity is null)
        {
            return (null, SignerUnavailable.NoIssuerIdentifier);
        }
        return (new IssuerSigner(identity, active, keys.Open(active), clock.GetUtcNow()), null);
    }
}
