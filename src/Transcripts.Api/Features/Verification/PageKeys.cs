using System.Numerics;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Verification;
using Trust = Transcripts.Signing.Trust;

namespace Transcripts.Api.Features.Verification;

/// <summary>
/// An institution's published keys as the page's script imports them with WebCrypto (<c>importKey("raw", …)</c>): Ed25519
/// as its 32 bytes, P-256 as the uncompressed point (SEC 1 §2.3.3), which every browser accepts, where the Multikey holds it
/// compressed. The method ids are those of the DID document, so a token's key id finds its key. Whether a token by the key
/// counts for this transcript is decided here by the signing core's TrustRule (key state; for a revoked key, whether the
/// transcript is on the institution's list of what it really signed), never by the page's script.
/// </summary>
internal sealed record PageKey(string Method, string Type, string Key, bool Revoked, bool Accepted, string Reason)
{
    // P-256 (SEC 2 §2.4.2): y² = x³ − 3x + b over p, with p ≡ 3 (mod 4), so a square root is a^((p+1)/4).
    private static readonly BigInteger s_p = BigInteger.Parse("0FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF", System.Globalization.NumberStyles.HexNumber);
    private static readonly BigInteger s_b = BigInteger.Parse("05AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B", System.Globalization.NumberStyles.HexNumber);

    public static IReadOnlyList<PageKey> From(IssuerIdentity identity, IReadOnlyList<SigningKey> keys, Credential credential)
    {
        var institution = InstitutionTrust.For(identity, keys);
        var digest = Trust.IssuedCredentialsList.Digest(System.Text.Json.Nodes.JsonNode.Parse(credential.Bytes)!.AsObject());
        // A token carries the issue date, not when it was signed: see Signing's TranscriptTokenCheck.
        var signedAt = new DateTimeOffset(credential.IssuedAt.UtcDateTime.Date, TimeSpan.Zero);
        return [.. keys.Select(k => (Key: k, Public: Multikey.TryDecode(k.PublicKeyMultibase, out var key) ? key : null))
            .Where(k => k.Public is { Type: KeyType.Ed25519 or KeyType.P256 })
            .Select(k =>
            {
                var method = identity.VerificationMethod(k.Key);
                var decision = Trust.TrustRule.Judge([institution], Trust.IssuerKey.ControllerOf(method),
                    method, signedAt, digest);
                return new PageKey(method, k.Public!.Type == KeyType.Ed25519 ? "Ed25519" : "P-256",
                    System.Buffers.Text.Base64Url.EncodeToString(k.Public.Type == KeyType.Ed25519 ? k.Public.Bytes.ToArray() : Uncompressed(k.Public.Bytes)),
                    k.Key.RevokedAt is not null, decision.Status == CheckStatus.Passed, decision.Reason);
            })];
    }

    public static byte[] Uncompressed(ReadOnlySpan<byte> compressed)
    {
        var x = new BigInteger(compressed[1..], isUnsigned: true, isBigEndian: true);
        var y = BigInteger.ModPow((BigInteger.ModPow(x, 3, s_p) - 3 * x + s_b + 3 * s_p) % s_p, (s_p + 1) / 4, s_p);
        if ((y.IsEven ? 2 : 3) != compressed[0])
        {
            y = s_p - y;
        }
        var point = new byte[65];
        point[0] = 4;
        compressed[1..].CopyTo(point.AsSpan(1));
        y.TryWriteBytes(point.AsSpan(33 + 32 - y.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return point;
    }
}
