using Transcripts.Tests;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.Transcripts.Pdf;

namespace Transcripts.Api.Tests.Features.Transcripts;

public sealed class DocumentSignatureTests
{
    private const string Did = "did:web:riverside.example.edu";

    internal static DocumentSigner Signer(string seed = "document signature tests") =>
        new(DocumentSigningKey.Derive(SHA256.HashData(Encoding.UTF8.GetBytes(seed)), Guid.Empty), "Riverside Community College", Did,
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [SkippableFact]
    public void Pdfsig_reports_a_signed_transcript_valid_and_signed_over_the_whole_file()
    {
        using var signer = Signer();
        var pdf = new TranscriptPdfRenderer(SampleTranscripts.DefaultTemplate()).Render(SampleTranscripts.Create(competencies: 6), signer);
        using var folder = new PdfTool.TempFolder();
        var path = folder.Write("signed.pdf", pdf);

        var result = DebianTool.Run("pdfsig", "poppler-utils", "-nocert", path);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("Signature Validation: Signature is Valid.", result.Stdout);
        Assert.Contains("Total document signed", result.Stdout);
        Assert.Contains("Signature Type: ETSI.CAdES.detached", result.Stdout);
        Assert.Contains("Signer Certificate Common Name: Riverside Community College", result.Stdout);
    }

    [Fact]
    public void The_signature_is_a_pades_cms_whose_byte_range_leaves_out_only_its_own_value()
    {
        using var signer = Signer();
        var pdf = new TranscriptPdfRenderer(SampleTranscripts.DefaultTemplate()).Render(SampleTranscripts.Create(competencies: 3), signer);
        var text = Encoding.Latin1.GetString(pdf);

        var range = System.Text.RegularExpressions.Regex.Match(text, @"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]");
        Assert.True(range.Success);
        var (start, length1, start2, length2) = (long.Parse(range.Groups[1].Value), long.Parse(range.Groups[2].Value),
            long.Parse(range.Groups[3].Value), long.Parse(range.Groups[4].Value));
        Assert.Equal(0, start);
        Assert.Equal(pdf.Length, start2 + length2);
        Assert.Equal((byte)'<', pdf[length1]);
        Assert.Equal((byte)'>', pdf[start2 - 1]);
        Assert.Matches(@"/SubFilter\s*/ETSI\.CAdES\.detached", text);
        Assert.Contains("<pdfaid:part>3</pdfaid:part>", text);

        var hex = text[(int)(length1 + 1)..(int)(start2 - 1)];
        var der = Convert.FromHexString(hex);
        var signed = pdf[..(int)length1].Concat(pdf[(int)start2..]).ToArray();
        var cms = new SignedCms(new ContentInfo(signed), detached: true);
        System.Formats.Asn1.AsnDecoder.ReadEncodedValue(der, System.Formats.Asn1.AsnEncodingRules.BER, out _, out _, out var used);
        cms.Decode(der.AsSpan(0, used));
        cms.CheckSignature(verifySignatureOnly: true);
        var info = Assert.Single(cms.SignerInfos.Cast<SignerInfo>());
        Assert.Equal("2.16.840.1.101.3.4.2.1", info.DigestAlgorithm.Value);
        Assert.Contains(info.SignedAttributes.Cast<CryptographicAttributeObject>(), a => a.Oid.Value == "1.2.840.113549.1.9.16.2.47");
        Assert.DoesNotContain(info.SignedAttributes.Cast<CryptographicAttributeObject>(), a => a.Oid.Value == "1.2.840.113549.1.9.5");
        var certificate = info.Certificate!;
        Assert.Contains("CN=Riverside Community College", certificate.Subject);
        var alternative = certificate.Extensions.OfType<System.Security.Cryptography.X509Certificates.X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains(Did, Encoding.ASCII.GetString(alternative.RawData));   // a uniformResourceIdentifier is IA5String

        signed[200] ^= 1;
        var changed = new SignedCms(new ContentInfo(signed), detached: true);
        changed.Decode(der.AsSpan(0, used));
        Assert.ThrowsAny<CryptographicException>(() => changed.CheckSignature(verifySignatureOnly: true));
    }

    [Fact]
    public void Derive_gives_each_credential_key_its_own_stable_document_key()
    {
        var secret = SHA256.HashData("a credential key"u8);
        var id = Guid.CreateVersion7();
        using var first = DocumentSigningKey.Derive(secret, id);
        using var again = DocumentSigningKey.Derive(secret, id);
        using var otherRow = DocumentSigningKey.Derive(secret, Guid.CreateVersion7());

        Assert.Equal(DocumentSigningKey.PublicKeyMultibase(first), DocumentSigningKey.PublicKeyMultibase(again));
        Assert.NotEqual(DocumentSigningKey.PublicKeyMultibase(first), DocumentSigningKey.PublicKeyMultibase(otherRow));
        Assert.StartsWith("zDn", DocumentSigningKey.PublicKeyMultibase(first));
    }
}
