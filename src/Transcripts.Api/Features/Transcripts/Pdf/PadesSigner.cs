using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Pdf.Signatures;

namespace Transcripts.Api.Features.Transcripts.Pdf;

/// <summary>
/// A PAdES baseline B-B signature (ETSI EN 319 142-1 §6.3) for PDFsharp's <see cref="DigitalSignatureHandler"/>: a
/// detached CMS SignedData (RFC 5652) over the bytes the ByteRange names — the whole file but the /Contents value —
/// with SHA-256, ECDSA P-256, and the signed attributes content-type, message-digest and ESS signing-certificate-v2
/// (RFC 5035); no signing-time attribute (the signature dictionary's /M carries the claimed time).
/// <para>
/// PDFsharp 6.5 writes the SubFilter <c>/adbe.pkcs7.detached</c> and the PDF/A part 1 identification, and offers no hook
/// between writing the file and signing it. This signer is that hook: it is handed the output buffer and, before it
/// hashes, makes the two same-length edits (SubFilter <c>/ETSI.CAdES.detached</c>, <see cref="PdfAIdentification"/>),
/// so what is signed is exactly the final file.
/// </para>
/// </summary>
internal sealed class PadesSigner(DocumentSigner signer, MemoryStream output) : IDigitalSigner
{
    private const string SigningCertificateV2 = "1.2.840.113549.1.9.16.2.47";
    private static readonly byte[] s_pkcs7SubFilter = "/adbe.pkcs7.detached"u8.ToArray();
    private static readonly byte[] s_cadesSubFilter = "/ETSI.CAdES.detached"u8.ToArray();

    public string CertificateName => signer.InstitutionName;

    /// <summary>Room for the CMS: the certificate, the attributes, the signature and DER overhead, with a margin.</summary>
    public Task<int> GetSignatureSizeAsync() => Task.FromResult(Reserved);

    private int Reserved => signer.Certificate.RawData.Length + 1024;

    public Task<byte[]> GetSignatureAsync(Stream stream)
    {
        Finish(output.GetBuffer().AsSpan(0, (int)output.Length), Reserved);
        var signed = new byte[stream.Length];
        stream.ReadExactly(signed);
        var cms = new SignedCms(new ContentInfo(signed), detached: true);
        var cmsSigner = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, signer.Certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),   // SHA-256
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        cmsSigner.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2, EssSigningCertificateV2(signer.Certificate)));
        cms.ComputeSignature(cmsSigner, silent: true);
        return Task.FromResult(cms.Encode());
    }

    // RFC 5035 §5.4: SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 ::= SEQUENCE
    // { hashAlgorithm DEFAULT sha256 (so omitted), certHash OCTET STRING }.
    private static byte[] EssSigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
        }
        return writer.Encode();
    }

    /// <summary>The last edits before the hash: PDF/A-3 identification and the PAdES SubFilter (same lengths, offsets unchanged).</summary>
    private static void Finish(Span<byte> pdf, int reserved)
    {
        PdfAIdentification.DeclarePart3(pdf);
        // The /Contents placeholder ('<' and 2 × reserved '?', which no other PDF token holds) ends the signature dictionary's fixed part; the SubFilter nearest before it
        // is that dictionary's own, whatever a string elsewhere in the file says.
        var placeholder = new byte[(2 * reserved) + 2];
        placeholder.AsSpan().Fill((byte)'?');
        placeholder[0] = (byte)'<';
        placeholder[^1] = (byte)'>';
        var hole = pdf.IndexOf(placeholder);
        var at = hole < 0 ? -1 : pdf[..hole].LastIndexOf(s_pkcs7SubFilter);
        if (at < 0 || hole - at > 200)
        {
            throw new InvalidOperationException("The signature dictionary PDFsharp wrote was not found; the PAdES SubFilter cannot be set.");
        }
        s_cadesSubFilter.CopyTo(pdf[at..]);
    }
}
