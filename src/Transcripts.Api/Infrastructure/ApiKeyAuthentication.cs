using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Infrastructure;

/// <summary>
/// <c>Authorization: Bearer trk_…</c>. A key is 256 random bits; only its SHA-256 is stored, looked up by that hash
/// and compared again in constant time. Revoked keys and unknown keys fail alike.
/// </summary>
internal sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, TranscriptsDb db, IMemoryCache cache, IOptions<ApiKeyOptions> keyOptions, TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string KeyIdClaim = "transcripts:key";
    public const string InstitutionClaim = "transcripts:institution";
    public const string LearnerClaim = "transcripts:learner";
    public const string SecretPrefix = "trk_";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return AuthenticateResult.Fail("Not an API key.");
        }
        var hash = HashOf(secret);
        var now = clock.GetUtcNow();
        var key = await KnownKeys.FindAsync(db, cache, hash, keyOptions.Value, now, Context.RequestAborted);
        if (key is null || key.RevokedAt is not null || key.ExpiresAt <= now || key.InstitutionSuspendedAt is not null
            || !CryptographicOperations.FixedTimeEquals(key.Hash, hash))
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired API key, or its institution is suspended.");
        }
        List<Claim> claims = [new(KeyIdClaim, key.Id.ToString()), new(ClaimTypes.Role, key.Role)];
        if (key.InstitutionId is { } institutionId)
        {
            await ApiKeyUse.RecordAsync(db, cache, key.Id, now, Context.RequestAborted);
            claims.Add(new(InstitutionClaim, institutionId.ToString()));
        }
        if (key.LearnerId is { } learnerId)
        {
            claims.Add(new(LearnerClaim, learnerId.ToString()));
        }
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    /// <summary>The cache entry of a key; <see cref="Features.ApiKeys.RevokeApiKey"/> removes it so revocation is immediate here.</summary>
    public static string CacheKeyOf(byte[] hash) => KnownKeys.CacheKeyOf(hash);

    public static byte[] HashOf(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>A new key: the secret to show once, and the row that stores only its hash.</summary>
    public static (string Secret, ApiKey Row) NewKey(Guid institutionId, string role, string name, Guid? learnerId, DateTimeOffset now)
    {
        var secret = SecretPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (secret, new ApiKey
        {
            InstitutionId = institutionId, Role = role, Name = name, LearnerId = learnerId,
            Hash = HashOf(secret), Prefix = secret[..10], CreatedAt = now,
        });
    }

    /// <summary>A new operator key: the secret to show once, and the row that stores only its hash.</summary>
    public static (string Secret, OperatorKey Row) NewOperatorKey(string name, DateTimeOffset now)
    {
        var secret = SecretPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (secret, new OperatorKey { Name = name, Hash = HashOf(secret), Prefix = secret[..10], CreatedAt = now });
    }
}
