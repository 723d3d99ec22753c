using System.Security.Cryptography;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Tokens;

namespace Transcripts.Signing.Tests.Tokens;

public sealed class TranscriptTokenTests
{
    private const string CredentialId = "urn:uuid:3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f405162";
    private const string Method = "did:web:lincoln-high.example.edu#key-2026";
    private static readonly DateOnly s_issued = new(2026, 6, 15);
    private static readonly byte[] s_credential = "{\"id\":\"urn:uuid:3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f405162\"}"u8.ToArray();

    public static TheoryData<string> KeyTypes() => new("Ed25519", "P256", "P384");

    [Theory, MemberData(nameof(KeyTypes))]
    public void Token_round_trips_and_verifies_with_the_signing_key(string keyType)
    {
        using var key = NewKey(keyType);

        var token = TranscriptToken.Parse(Create(key, "Nguyễn Thị Minh Khai"), CredentialId);

        Assert.True(token.IsSignedBy(key.PublicKey));
        Assert.Equal(Method, token.VerificationMethod);
        Assert.Equal("Nguyễn Thị Minh Khai", token.LearnerName);
        Assert.Equal(s_issued, token.IssueDate);
        Assert.True(token.Matches(s_credential));
    }

    [Fact]
    public void Token_does_not_verify_with_another_key()
    {
        using var key = Ed25519KeyPair.Generate();
        using var other = Ed25519KeyPair.Generate();

        var token = TranscriptToken.Parse(Create(key, "Zoë Ødegård-Šimić"), CredentialId);

        Assert.False(token.IsSignedBy(other.PublicKey));
    }

    [Fact]
    public void Token_does_not_verify_when_moved_to_another_credential()
    {
        using var key = Ed25519KeyPair.Generate();

        var token = TranscriptToken.Parse(Create(key, "Анна Кузнецова"), "urn:uuid:00000000-0000-4000-8000-000000000000");

        Assert.False(token.IsSignedBy(key.PublicKey));
    }

    [Fact]
    public void Token_does_not_match_a_changed_credential()
    {
        using var key = Ed25519KeyPair.Generate();

        var token = TranscriptToken.Parse(Create(key, "Ελένη Παπαδοπούλου"), CredentialId);

        Assert.False(token.Matches([.. s_credential, (byte)' ']));
    }

    [Fact]
    public void Every_changed_byte_of_a_token_is_rejected_or_fails_verification()
    {
        using var key = Ed25519KeyPair.Generate();
        var bytes = Convert.FromBase64String(ToBase64(Create(key, "Ana Example")));

        for (var i = 0; i < bytes.Length; i++)
        {
            var changed = (byte[])bytes.Clone();
            changed[i] ^= 0x01;
            var text = Convert.ToBase64String(changed).TrimEnd('=').Replace('+', '-').Replace('/', '_');

            var verified = TranscriptToken.TryParse(text, CredentialId, out var token, out _) && token.IsSignedBy(key.PublicKey);

            Assert.False(verified, $"byte {i} changed went unnoticed");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("!!!")]
    [InlineData("AQ")]
    [InlineData("Ag")]
    [InlineData("AQEA")]
    public void Malformed_tokens_are_rejected_with_a_reason(string text)
    {
        Assert.False(TranscriptToken.TryParse(text, CredentialId, out _, out var reason));
        Assert.False(string.IsNullOrWhiteSpace(reason));
        var e = Assert.Throws<SigningException>(() => TranscriptToken.Parse(text, CredentialId));
        Assert.Equal(SigningError.InvalidToken, e.Error);
    }

    [Fact]
    public void Qr_text_round_trips_and_stays_under_the_limit()
    {
        using var key = Ed25519KeyPair.Generate();
        var token = Create(key, "Nguyễn Thị Minh Khai");

        var text = TranscriptQr.Compose(new Uri("https://lincoln-high.example.edu/"), CredentialId, token);

        Assert.True(text.Length <= TranscriptQr.MaxLength, text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("https://lincoln-high.example.edu/v/3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f405162#", text, StringComparison.Ordinal);
        Assert.True(TranscriptQr.TryParse(text, out var qr));
        Assert.Equal(CredentialId, qr.CredentialId);
        Assert.Equal(token, qr.Token);
    }

    [Fact]
    public void Qr_text_that_would_be_too_long_is_refused()
    {
        using var key = Ed25519KeyPair.Generate();
        var longBase = new Uri("https://example.edu/" + new string('a', 300) + "/");

        var e = Assert.Throws<SigningException>(() => TranscriptQr.Compose(longBase, CredentialId, Create(key, "Ana Example")));

        Assert.Equal(SigningError.TokenTooLong, e.Error);
    }

    [Theory]
    [InlineData("https://school.example/v/not-a-uuid#abc")]
    [InlineData("https://school.example/v/3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f405162")]
    [InlineData("https://school.example/v/3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f405162#")]
    [InlineData("ftp://school.example/v/3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f405162#abc")]
    [InlineData("just some words")]
    public void Qr_text_that_is_not_a_transcript_link_is_not_parsed(string text)
    {
        Assert.False(TranscriptQr.TryParse(text, out _));
    }

    private static string Create(KeyPair key, string learner) =>
        TranscriptToken.Create(Method, CredentialId, learner, s_issued, SHA256.HashData(s_credential), key);

    private static KeyPair NewKey(string type) => type switch
    {
        "Ed25519" => Ed25519KeyPair.Generate(),
        "P256" => P256KeyPair.Generate(),
        _ => P384KeyPair.Generate(),
    };

    private static string ToBase64(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - s.Length % 4) % 4);
    }
}
