using System.ComponentModel.DataAnnotations;

namespace Transcripts.Api.Features.SigningKeys;

/// <summary>
/// Where the key-encryption key (KEK) comes from: <see cref="KeyEncryptionKey"/> (base64 of 32 bytes, e.g. from the
/// environment as Signing__KeyEncryptionKey) or <see cref="KeyEncryptionKeyFile"/> (a file holding the same). Both are secrets:
/// never logged, never returned. Without either, the service refuses to create keys or issue.
/// </summary>
public sealed class SigningOptions
{
    public const string Section = "Signing";

    public string? KeyEncryptionKey { get; set; }

    public string? KeyEncryptionKeyFile { get; set; }

    /// <summary>The base URL status lists and identifiers are published under when an institution has none of its own.</summary>
    [Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5000/";
}
