using System.Security.Claims;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Data;

/// <summary>Who is writing, and when: what <see cref="TranscriptsDb"/> puts in each audit event.</summary>
internal sealed class AuditContext(TimeProvider clock, IHttpContextAccessor? http, AuditKey? key = null)
{
    public const string System = "system";

    public TimeProvider Clock { get; } = clock;

    /// <summary>The key of the keyed chains; without one, events are written in the unkeyed (legacy) form only.</summary>
    public AuditKey? Key { get; } = key is { IsConfigured: true } ? key : null;

    /// <summary><c>person:{id}</c> for a person signed in to the pages, <c>key:{id}</c> for an API key.</summary>
    public string Actor => KeyClaim(Features.Web.PersonClaims.PersonClaim) is { } personId ? "person:" + personId
        : KeyClaim(ApiKeyAuthentication.KeyIdClaim) is { } keyId ? "key:" + keyId : System;

    public Guid? InstitutionId => Guid.TryParse(KeyClaim(ApiKeyAuthentication.InstitutionClaim), out var id) ? id : null;

    private string? KeyClaim(string type) => http?.HttpContext?.User is ClaimsPrincipal user ? user.FindFirstValue(type) : null;
}
