using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
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
        var cacheKey = CacheKeyOf(hash);
        if (!cache.TryGetValue(cacheKey, out ApiKey? key))
        {
            key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Hash == hash, Context.RequestAborted);
            if (key is not null && keyOptions.Value.CacheSeconds > 0)
            {
                cache.Set(cacheKey, key, TimeSpan.FromSeconds(keyOptions.Value.CacheSeconds));
            }
        }
        var now = clock.GetUtcNow();
        if (key is null || key.RevokedAt is not null || key.ExpiresAt <= now || !CryptographicOperations.FixedTimeEquals(key.Hash, hash))
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired API key.");
        }
        await ApiKeyUse.RecordAsync(db, cache, key.Id, now, Context.RequestAborted);
        List<Claim> claims =
        [
            new(KeyIdClaim, key.Id.ToString()),
            new(InstitutionClaim, key.InstitutionId.ToString()),
            new(ClaimTypes.Role, key.Role),
        ];
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

    /// <summary>The cache entry of a key; <see cref="Features.Keys.RevokeKey"/> removes it so revocation is immediate here.</summary>
    public static string CacheKeyOf(byte[] hash) => "api-key:" + Convert.ToHexString(hash);

    public static byte[] HashOf(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>A new key: the secret to show once, and the row that stores only its hash.</summary>
    public static (string Secret, ApiKey Row) NewKey(Guid institutionId, string role, string name, Guid? learnerId, DateTimeOffset now)
    {
        var secret = SecretPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (secret, new ApiKey
        {
            InstitutionId = institutionId, Role = role, Name = name, LearnerId = learnerId,
            Hash = HashOf(secret), Prefix = secret[..10], CreatedAt = now,
        });
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal static class Policies
{
    public const string Admin = "admin";
    public const string Registrar = "registrar";
    public const string Staff = "staff";
    public const string Member = "member";
    public const string LearnerOrRegistrar = "learner-or-registrar";

    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        // An endpoint that names no policy and does not say AllowAnonymous still needs a caller with a valid key.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser().Build())
            .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Registrar, p => p.RequireRole(Roles.Admin, Roles.Registrar))
            .AddPolicy(Staff, p => p.RequireRole(Roles.Admin, Roles.Registrar, Roles.Assessor))
            .AddPolicy(LearnerOrRegistrar, p => p.RequireRole(Roles.Admin, Roles.Registrar, Roles.Learner))
            .AddPolicy(Member, p => p.RequireRole(Roles.All.ToArray()));
        services.AddScoped<CurrentCaller>();
        services.AddMemoryCache();
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}

internal sealed class ApiKeyOptions
{
    public const string Section = "ApiKeys";

    /// <summary>
    /// How long a looked-up key is remembered, saving a query per request. Revoking a key evicts it at once in this
    /// process; other instances sharing a PostgreSQL database notice within this time. 0 turns the cache off.
    /// </summary>
    [Range(0, 3600)]
    public int CacheSeconds { get; set; } = 30;
}
