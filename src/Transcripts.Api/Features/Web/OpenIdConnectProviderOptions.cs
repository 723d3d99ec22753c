namespace Transcripts.Api.Features.Web;

/// <summary>
/// A school's own identity provider (<c>Web:OpenIdConnect:{name}</c>), whose people sign in with their school account. One
/// provider signs in the people of one institution only; it never creates an account (accounts are by invitation).
/// </summary>
internal sealed class OpenIdConnectProviderOptions
{
    /// <summary>The provider's issuer, an https URL whose <c>/.well-known/openid-configuration</c> describes it.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The client secret the provider gave this service (a secret: from the environment, never logged).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>What the sign-in button says after "Sign in with", e.g. "Northside School".</summary>
    public string? DisplayName { get; set; }

    /// <summary>The institution whose people this provider signs in.</summary>
    public Guid? InstitutionId { get; set; }
}
