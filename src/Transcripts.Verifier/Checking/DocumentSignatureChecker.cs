using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Trust;
using Transcripts.Signing.Verification;
using Transcripts.Verifier.Inputs;
using Transcripts.Verifier.TrustStore;

namespace Transcripts.Verifier.Checking;

/// <summary>
/// The first check of a PDF transcript: its document signature (ISO 32000-1 §12.8, PAdES B-B). Passed only when one
/// signature covers every byte of the file but its own value, its CMS (RFC 5652) verifies over those bytes — message
/// digest and ECDSA signature — and the key that made it is a document-signing key the trust store lists for the
/// credential's issuer (its DID document's <c>documentSigning</c> keys), not revoked. The certificate inside the CMS is
/// never trusted: only its public key is compared with the trusted one. Returns null for a PDF that was never signed
/// (printed before transcripts were signed); the page-text check then stands in.
/// </summary>
internal static class DocumentSignatureChecker
{
    public const string Name = "document signature";
    private const string Changed = "This PDF was changed after the school signed it: ";

    public static Check? Check(byte[] file, PdfTranscript pdf, IReadOnlyList<TrustedIssuer> issuers, string? issuerDid)
    {
        if (pdf.Signatures.Count == 0)
        {
            return PdfSignatureField.FileMentionsSignature(file)
                ? new(Name, CheckStatus.Failed, Changed + "its document signature was removed or hidden by a later change.")
                : null;
        }
        var covering = pdf.Signatures.Where(s => s.Problem is null && s.CoversWholeFile(file.Length)).ToList();
        if (covering.Count == 0)
        {
            var first = pdf.Signatures[0];
            return new(Name, CheckStatus.Failed, first.Problem is { } problem
                ? Changed + $"its signature {first.FieldName} is malformed ({problem})."
                : first.ByteRange is [0, _, var b, var c] && b + c < file.Length
                    ? Changed + $"{file.Length - (b + c):N0} bytes were appended after the signed part (an incremental update)."
                    : Changed + "its signature no longer covers the whole file.");
        }
        var issuer = issuers.FirstOrDefault(i => i.Did == issuerDid);
        var keys = issuer is null ? null : TrustedInstitution.FromDidDocument(issuer.DidDocument, issuer.Name, DocumentKeyRule.Relationship);
        string? last = null;
        foreach (var signature in covering)
        {
            var (status, reason) = Verify(file, signature, keys);
            if (status == CheckStatus.Passed)
            {
                return new(Name, status, reason);
            }
            last ??= reason;
            if (status == CheckStatus.Failed)
            {
                return new(Name, status, reason);
            }
        }
        return new(Name, CheckStatus.Unknown, last!);
    }

    private static (CheckStatus, string) Verify(byte[] file, PdfSignatureField signature, TrustedInstitution? keys)
    {
        SignerInfo info;
        try
        {
            var cms = new SignedCms(new ContentInfo(signature.SignedBytes(file)), detached: true);
            cms.Decode(signature.Cms!);
            if (cms.SignerInfos.Count != 1)
            {
                return (CheckStatus.Failed, $"The PDF's signature {signature.FieldName} holds {cms.SignerInfos.Count} signers; a school's holds one.");
            }
            info = cms.SignerInfos[0];
            if (info.DigestAlgorithm.Value != "2.16.840.1.101.3.4.2.1")
            {
                return (CheckStatus.Failed, $"The PDF's signature {signature.FieldName} uses the digest {info.DigestAlgorithm.FriendlyName ?? info.DigestAlgorithm.Value}; only SHA-256 is accepted.");
            }
            // Checks the message digest against the signed bytes and the signature against the certificate's key.
            info.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return (CheckStatus.Failed, Changed + "the signed bytes no longer match the document signature.");
        }
        if (keys is null)
        {
            return (CheckStatus.Unknown, "The PDF is signed as a document, but its credential's issuer is not in your trust store, so the signature could not be judged.");
        }
        var decision = DocumentKeyRule.Judge(keys, SignerKey(info.Certificate));
        return (decision.Status, decision.Reason);
    }

    private static P256PublicKey? SignerKey(X509Certificate2? certificate)
    {
        using var ecdsa = certificate?.GetECDsaPublicKey();
        if (ecdsa is null || ecdsa.KeySize != 256)
        {
            return null;
        }
        var q = ecdsa.ExportParameters(includePrivateParameters: false).Q;
        return P256PublicKey.TryFromBytes([(byte)(0x02 | (q.Y![^1] & 1)), .. q.X!], out var key) ? key : null;
    }
}
