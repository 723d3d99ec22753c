// The compact signature printed in a transcript's QR code. A phone's camera shows the QR text as a URL
// {public base}/v/{credential uuid}#{token}; offline, a verifier checks the token against its trust list without
// the credential itself. The token is the issuing institution's signature over what a reader can compare with the
// paper: the learner's name, the issue date, which credential (its id and the SHA-256 of its exact signed bytes) and
// which key signed.
//
// Layout (version 1), base64url without padding:
//   0x01 | len ‖ verification method id (UTF-8) | len ‖ learner name (UTF-8) | issue date (int32 BE, days since
//   1970-01-01) | SHA-256 of the signed credential (32) | signature (64 for Ed25519 and P-256, 96 for P-384)
// where len is one byte (1–255). The signature covers the domain-separation label "transcripts-qr-v1", the credential
// id (length-prefixed) and every byte before the signature, so a token cannot be moved to another credential.
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using Transcripts.Signing.Encoding;
using Transcripts.Signing.Keys;

namespace Transcripts.Signing.Tokens;

/// <summary>A transcript QR token: what it claims, and the signature over those claims.</summary>
public sealed class TranscriptToken
{
    private const byte Version = 1;
    private const int HashSize = 32;
    private static readonly byte[] s_label = "transcripts-qr-v1"u8.ToArray();
    private static readonly DateOnly s_epoch = new(1970, 1, 1);

    private TranscriptToken(string verificationMethod, string credentialId, string learnerName, DateOnly issueDate,
                            byte[] credentialSha256, byte[] signedBytes, byte[] signature)
    {
        VerificationMethod = verificationMethod;
        CredentialId = credentialId;
        LearnerName = learnerName;
        IssueDate = issueDate;
        CredentialSha256 = credentialSha256;
        _signedBytes = signedBytes;
        Signature = signature;
    }

    private readonly byte[] _signedBytes;

    /// <summary>The verification method (DID URL) of the key that signed.</summary>
    public string VerificationMethod { get; }

    /// <summary>The credential's id, <c>urn:uuid:…</c>.</summary>
    public string CredentialId { get; }

    /// <summary>The learner's name as printed.</summary>
    public string LearnerName { get; }

    /// <summary>The transcript's issue date.</summary>
    public DateOnly IssueDate { get; }

    /// <summary>SHA-256 of the signed credential's exact bytes.</summary>
    public IReadOnlyList<byte> CredentialSha256 { get; }

    /// <summary>The signature (IEEE P1363 for ECDSA).</summary>
    public IReadOnlyList<byte> Signature { get; }

    /// <summary>Signs the claims and returns the token text.</summary>
    /// <exception cref="ArgumentException">A field is empty or longer than 255 UTF-8 bytes, or the hash is not 32 bytes.</exception>
    public static string Create(string verificationMethod, string credentialId, string learnerName, DateOnly issueDate,
                                ReadOnlySpan<byte> credentialSha256, KeyPair key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(credentialId);
        if (credentialSha256.Length != HashSize)
        {
            throw new ArgumentException($"The credential hash must be {HashSize} bytes.", nameof(credentialSha256));
        }
        var payload = new List<byte> { Version };
        AppendField(payload, verificationMethod, nameof(verificationMethod));
        AppendField(payload, learnerName, nameof(learnerName));
        Span<byte> date = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(date, issueDate.DayNumber - s_epoch.DayNumber);
        payload.AddRange(date.ToArray());
        payload.AddRange(credentialSha256.ToArray());
        var signature = key.Sign(SigningInput(credentialId, [.. payload]));
        return Base64Url.Encode([.. payload, .. signature]);
    }

    /// <summary>Reads a token found with the credential id <paramref name="credentialId"/> (from the QR text's path).</summary>
    /// <exception cref="SigningException"><see cref="SigningError.InvalidToken"/> when the token is malformed.</exception>
    public static TranscriptToken Parse(string token, string credentialId) =>
        TryParse(token, credentialId, out var parsed, out var reason) ? parsed
            : throw new SigningException(SigningError.InvalidToken, reason);

    /// <summary>Reads a token; <see langword="false"/> with a reason a person understands when it is malformed.</summary>
    public static bool TryParse(string? token, string? credentialId, [NotNullWhen(true)] out TranscriptToken? parsed,
                                out string reason)
    {
        parsed = null;
        if (string.IsNullOrEmpty(token) || token.Length > 1024 || string.IsNullOrEmpty(credentialId))
        {
            reason = "The QR token is missing or too long.";
            return false;
        }
        if (!Base64Url.TryDecode(token, out var bytes) || bytes.Length < 1 || bytes[0] != Version)
        {
            reason = "The QR token is not a Transcripts token (bad encoding or unknown version).";
            return false;
        }
        var at = 1;
        if (!TryReadField(bytes, ref at, out var method) || !TryReadField(bytes, ref at, out var name)
            || bytes.Length - at < 4 + HashSize)
        {
            reason = "The QR token is truncated.";
            return false;
        }
        var days = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at, 4));
        at += 4;
        if (days < 0 || days > DateOnly.MaxValue.DayNumber - s_epoch.DayNumber)
        {
            reason = "The QR token's issue date is out of range.";
            return false;
        }
        var hash = bytes.AsSpan(at, HashSize).ToArray();
        at += HashSize;
        var signature = bytes.AsSpan(at).ToArray();
        if (signature.Length is not (64 or 96))
        {
            reason = "The QR token's signature has the wrong length.";
            return false;
        }
        parsed = new TranscriptToken(method, credentialId, name, DateOnly.FromDayNumber(s_epoch.DayNumber + days), hash,
                                     SigningInput(credentialId, bytes.AsSpan(0, at).ToArray()), signature);
        reason = "";
        return true;
    }

    /// <summary>Whether <paramref name="key"/> made the signature over these claims.</summary>
    public bool IsSignedBy(PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Verify(_signedBytes, (byte[])Signature);
    }

    /// <summary>Whether <paramref name="signedCredential"/> is exactly the credential this token names.</summary>
    public bool Matches(ReadOnlySpan<byte> signedCredential) =>
        System.Security.Cryptography.SHA256.HashData(signedCredential).AsSpan().SequenceEqual((byte[])CredentialSha256);

    private static byte[] SigningInput(string credentialId, byte[] payload)
    {
        var id = System.Text.Encoding.UTF8.GetBytes(credentialId);
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, id.Length);
        return [.. s_label, .. length, .. id, .. payload];
    }

    private static void AppendField(List<byte> payload, string value, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        var bytes = System.Text.Encoding.UTF8.GetBytes(value.Normalize());
        if (bytes.Length > 255)
        {
            throw new ArgumentException($"{name} is longer than 255 UTF-8 bytes.", name);
        }
        payload.Add((byte)bytes.Length);
        payload.AddRange(bytes);
    }

    private static bool TryReadField(byte[] bytes, ref int at, out string value)
    {
        value = "";
        if (at >= bytes.Length || bytes[at] == 0 || at + 1 + bytes[at] > bytes.Length)
        {
            return false;
        }
        try
        {
            value = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, at + 1, bytes[at]);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }
        at += 1 + bytes[at];
        return true;
    }
}
