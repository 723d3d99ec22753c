using System.Security.Cryptography;
using Transcripts.Signing.Keys;

namespace Transcripts.Api.Features.SigningKeys;

/// <summary>
/// The P-256 key that signs an institution's PDF transcripts as documents (PAdES), derived from one of its credential
/// signing keys with HKDF-SHA-256 (RFC 5869): input keying material the sealed private key (Ed25519 seed or P-256
/// scalar), salt the key row's id, info <see cref="Info"/>. PDF readers (poppler/NSS, Acrobat) verify ECDSA P-256 in CMS
/// but most do not verify Ed25519, so documents get a P-256 key even where credentials are signed with Ed25519.
/// Because it is derived, it shares its credential key's life exactly: the same key-encryption key protects it, it is
/// retired and revoked with it, and it is gone when that key's private part is destroyed; nothing new is stored but
/// its public key (<c>SigningKey.DocumentPublicKeyMultibase</c>), which the DID document publishes beside it.
/// </summary>
internal static class DocumentSigningKey
{
    public const string Info = "Transcripts PDF document signing, P-256, v1";

    // The order of the P-256 group (SEC 2 §2.4.2), big-endian.
    private static readonly byte[] s_order = Convert.FromHexString("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");

    /// <summary>The document-signing key of the credential key <paramref name="keyId"/> whose private part is <paramref name="secret"/>.</summary>
    public static ECDsa Derive(ReadOnlySpan<byte> secret, Guid keyId)
    {
        Span<byte> scalar = stackalloc byte[P256.PrivateKeySize];
        try
        {
            // A derived value outside [1, n-1] happens with probability about 2^-32; the counter makes the next try different.
            for (byte counter = 0; ; counter++)
            {
                HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, scalar, keyId.ToByteArray(), [.. System.Text.Encoding.ASCII.GetBytes(Info), counter]);
                if (scalar.SequenceCompareTo(s_order) < 0 && scalar.ContainsAnyExcept((byte)0))
                {
                    var d = scalar.ToArray();
                    try
                    {
                        var ecdsa = ECDsa.Create();
                        ecdsa.ImportParameters(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = d });
                        return ecdsa;
                    }
                    finally
                    {
                        CryptographicOperations.ZeroMemory(d);
                    }
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scalar);
        }
    }

    /// <summary>The Multikey (<c>zDn…</c>) of a P-256 key's public part.</summary>
    public static string PublicKeyMultibase(ECDsa key)
    {
        var q = key.ExportParameters(includePrivateParameters: false).Q;
        var compressed = new byte[P256.PublicKeySize];
        compressed[0] = (byte)(0x02 | (q.Y![^1] & 1));
        q.X!.CopyTo(compressed, 1);
        return Multikey.Encode(P256PublicKey.FromBytes(compressed));
    }
}
