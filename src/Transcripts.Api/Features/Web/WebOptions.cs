using System.ComponentModel.DataAnnotations;

namespace Transcripts.Api.Features.Web;

/// <summary>The web pages for people: sessions, invitations, sign-in limits, passkeys and schools' identity providers.</summary>
internal sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>How long a signed-in session lasts without a request (sliding).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an invitation link stays usable.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Sign-in and invitation attempts per client address per minute.</summary>
    [Range(1, 10_000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>Failed passwords before an account is locked for <see cref="LockoutDuration"/>.</summary>
    [Range(1, 100)]
    public int MaxFailedPasswords { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long an uploaded import file waits on the server for its preview to be confirmed.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan ImportHoldTime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The passkeys' relying-party ID: the host name (no scheme, no port) people open the pages at, e.g.
    /// <c>transcripts.school.example</c>. Unset: the host of <c>Signing:PublicBaseUrl</c>. A passkey works only on this host and
    /// its subdomains, so changing it makes every registered passkey unusable.
    /// </summary>
    [RegularExpression("^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$", ErrorMessage = "Web:PasskeyRelyingPartyId is a lower-case host name without scheme or port.")]
    public string? PasskeyRelyingPartyId { get; set; }

    /// <summary>
    /// Schools' own identity providers by name (<c>Web:OpenIdConnect:{name}</c>, a name of lower-case letters, digits and
    /// hyphens). None: sign-in is by password and passkey only. Checked at start by <see cref="Accounts.SchoolSignIn"/>.
    /// </summary>
    public Dictionary<string, OpenIdConnectProviderOptions> OpenIdConnect { get; set; } = new(StringComparer.Ordinal);
}
