using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Transcripts.Api.Features.Web.Accounts;

/// <summary>
/// What the passkey pages share: the bound on the JSON a browser posts, the options answer and its refusal, and the names a
/// passkey may have. The ceremonies themselves are ASP.NET Core Identity's (<see cref="SignInManager{TUser}"/>), whose
/// relying party is <see cref="WebOptions.PasskeyRelyingPartyId"/>.
/// </summary>
internal static class Passkeys
{
    /// <summary>A WebAuthn answer is a few KB; anything longer is refused before it is parsed.</summary>
    public const int MaxCredentialJson = 32 * 1024;

    public const int MaxNameLength = 100;

    public const string Refused = "The passkey was not accepted: it may be from another site, already used, or the request expired. Try again.";

    public static bool IsPlausible(string? credentialJson) =>
        !string.IsNullOrWhiteSpace(credentialJson) && credentialJson.Length <= MaxCredentialJson;

    /// <summary>The options for <c>navigator.credentials</c>, as JSON the page's script hands over unchanged.</summary>
    public static ContentResult Options(string optionsJson) => new() { Content = optionsJson, ContentType = "application/json", StatusCode = 200 };

    /// <summary>A refusal the page's script shows in its status line.</summary>
    public static JsonResult Refusal(string message) => new(new { error = message }) { StatusCode = StatusCodes.Status400BadRequest };

    /// <summary>The name a person gives a passkey, trimmed; a default from its creation date when none is given.</summary>
    public static string NameOf(string? name, DateTimeOffset createdAt) =>
        string.IsNullOrWhiteSpace(name) ? $"Passkey added {createdAt:yyyy-MM-dd}" : name.Trim()[..Math.Min(name.Trim().Length, MaxNameLength)];

    /// <summary>A passkey's credential id as it travels in a form (base64url), or null when it is not one.</summary>
    public static byte[]? CredentialIdOf(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 1400)
        {
            return null;
        }
        try
        {
            return System.Buffers.Text.Base64Url.DecodeFromChars(id);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string FormIdOf(UserPasskeyInfo passkey) => System.Buffers.Text.Base64Url.EncodeToString(passkey.CredentialId);

    /// <summary>The credential id a checked WebAuthn answer names (its <c>id</c>), or null.</summary>
    public static byte[]? CredentialIdIn(string credentialJson)
    {
        try
        {
            using var document = JsonDocument.Parse(credentialJson, new JsonDocumentOptions { MaxDepth = 16 });
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("id", out var id)
                   && id.ValueKind == JsonValueKind.String
                ? CredentialIdOf(id.GetString())
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether a JSON text is at all an object; the ceremony checks the rest.</summary>
    public static bool IsJsonObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
