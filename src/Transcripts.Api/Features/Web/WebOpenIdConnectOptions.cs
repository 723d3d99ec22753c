namespace Transcripts.Api.Features.Web;

/// <summary>
/// The school's own OpenID Connect identity provider (<c>Web:OpenIdConnect</c>). It only signs in people who already have an
/// account, made by invitation: it never creates one and never gives a role. The first sign-in of an invited person links
/// their login to the account whose e-mail address the provider states as verified; later sign-ins use that link only.
/// </summary>
internal sealed class WebOpenIdConnectOptions
{
    /// <summary>The authentication scheme's name, and the login provider name stored with each link.</summary>
    public const string Scheme = "school-oidc";

    /// <summary>Where the redirect from the provider comes back to.</summary>
    public const string CallbackPath = "/app/sign-in/external/callback";

    /// <summary>The provider's issuer URL (its discovery document is <c>{Authority}/.well-known/openid-configuration</c>).</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>A secret: from the environment (<c>Web__OpenIdConnect__ClientSecret</c>), never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The name on the sign-in button, e.g. "Northfield School account".</summary>
    public string DisplayName { get; set; } = "your school account";

    /// <summary>Only for a provider on the same machine in tests: the discovery document may then come over plain http.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// The institution whose accounts this provider may sign in; unset, any account of the service. Set it when the service
    /// holds more than one school, so one school's provider cannot sign in another school's people.
    /// </summary>
    public Guid? InstitutionId { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
