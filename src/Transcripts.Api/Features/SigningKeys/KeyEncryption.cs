using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Transcripts.Api.Features.SigningKeys;

/// <summary>
/// Seals private keys with AES-256-GCM (NIST SP 800-38D) under the key-encryption key: a fresh 96-bit nonce per seal,
/// a 128-bit tag, and the key row's id as associated data. Layout: nonce (12) ‖ tag (16) ‖ ciphertext.
/// </summary>
internal sealed class KeyEncryption(IOptions<SigningOptions> options)
{
    public const int KekSize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Lazy<byte[]?> _kek = new(() => Load(options.Value));

    /// <summary>Whether a usable key-encryption key is configured.</summary>
    public bool IsConfigured => _kek.Value is not null;

    public byte[] Seal(Guid keyId, ReadOnlySpan<byte> privateKey)
    {
        var kek = RequireKek();
        var sealedKey = new byte[NonceSize + TagSize + privateKey.Length];
        RandomNumberGenerator.Fill(sealedKey.AsSpan(0, NonceSize));
        using var aes = new AesGcm(kek, TagSize);
        aes.Encrypt(sealedKey.AsSpan(0, NonceSize), privateKey, sealedKey.AsSpan(NonceSize + TagSize),
            sealedKey.AsSpan(NonceSize, TagSize), keyId.ToByteArray());
        return sealedKey;
    }

    /// <summary>Opens a sealed key; the caller zeroes the result after use.</summary>
    /// <exception cref="AuthenticationTagMismatchException">The sealed key was changed, moved to another row, or sealed under another KEK.</exception>
    public byte[] Open(Guid keyId, byte[] sealedKey)
    {
        var kek = RequireKek();
        var privateKey = new byte[sealedKey.Length - NonceSize - TagSize];
        using var aes = new AesGcm(kek, TagSize);
        aes.Decrypt(sealedKey.AsSpan(0, NonceSize), sealedKey.AsSpan(NonceSize + TagSize), sealedKey.AsSpan(NonceSize, TagSize),
            privateKey, keyId.ToByteArray());
        return privateKey;
    }

    /// <summary>A new random key-encryption key, base64, for a key file.</summary>
    public static string NewKekText() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KekSize));

    private byte[] RequireKek() => _kek.Value ?? throw new InvalidOperationException("No key-encryption key is configured.");

    private static byte[]? Load(SigningOptions options)
    {
        var text = options.KeyEncryptionKey;
        if (string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(options.KeyEncryptionKeyFile) && File.Exists(options.KeyEncryptionKeyFile))
        {
            text = File.ReadAllText(options.KeyEncryptionKeyFile);
        }
        return TryParse(text, out var kek) ? kek : null;
    }

    private static bool TryParse(string? text, [NotNullWhen(true)] out byte[]? kek)
    {
        kek = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var buffer = new byte[KekSize + 3];
        if (Convert.TryFromBase64String(text.Trim(), buffer, out var written) && written == KekSize)
        {
            kek = buffer[..KekSize];
        }
        CryptographicOperations.ZeroMemory(buffer);
        return kek is not null;
    }
}
