using System.Security.Cryptography;
using System.Text;

namespace Transcripts.Api.Data;

/// <summary>
/// The key that authenticates the audit and disclosure chains (HMAC-SHA256, RFC 2104), kept outside the database like the
/// key-encryption key: <c>Audit:MacKey</c> (base64 of 32 bytes) or <c>Audit:MacKeyFile</c>; without either, derived from the KEK
/// with HKDF-SHA256 (RFC 5869, info "transcripts audit mac v1"), so a deployment with a KEK has an audit key too. Someone who
/// can write the database but not read the configuration cannot make a link that verifies.
/// </summary>
internal sealed class AuditKey(IConfiguration configuration)
{
    public const string Section = "Audit";
    private const int Size = 32;

    private readonly Lazy<byte[]?> _key = new(() => Load(configuration));

    public bool IsConfigured => _key.Value is not null;

    /// <summary>The hex MAC of one link: its kind, its place in the institution's chain, the link before, and its content.</summary>
    public string Mac(string kind, long chainSequence, string previousMac, string content)
    {
        var key = _key.Value ?? throw new InvalidOperationException("No audit key is configured.");
        var message = Encoding.UTF8.GetBytes(string.Join('\n', kind, chainSequence.ToString(System.Globalization.CultureInfo.InvariantCulture), previousMac, content));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, message));
    }

    private static byte[]? Load(IConfiguration configuration)
    {
        if (Read(configuration[$"{Section}:MacKey"], configuration[$"{Section}:MacKeyFile"]) is { } own)
        {
            return own;
        }
        if (Read(configuration["Signing:KeyEncryptionKey"], configuration["Signing:KeyEncryptionKeyFile"]) is not { } kek)
        {
            return null;
        }
        var derived = HKDF.DeriveKey(HashAlgorithmName.SHA256, kek, Size, info: "transcripts audit mac v1"u8.ToArray());
        CryptographicOperations.ZeroMemory(kek);
        return derived;
    }

    private static byte[]? Read(string? text, string? file)
    {
        if (string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(file) && File.Exists(file))
        {
            text = File.ReadAllText(file);
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var buffer = new byte[Size + 3];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var written) && written == Size ? buffer[..Size] : null;
    }
}
