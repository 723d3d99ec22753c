using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Transcripts.Api.Features.Transcripts.Pdf;

/// <summary>
/// The institution's P-256 document-signing key with a self-issued X.509 certificate (RFC 5280) that names it: subject
/// CN and O the institution's name, a subjectAltName URI with its DID, key usage digitalSignature and nonRepudiation
/// and no extended key usage (NSS, behind poppler's pdfsig, rejects a signer certificate whose EKU lacks e-mail
/// protection, and id-kp-documentSigning of RFC 9336 is not that). The certificate only labels the key for PDF readers; a verifier
/// trusts the key through its trust store (the key the institution publishes), never through the certificate.
/// Owns the key: dispose it as soon as the PDF is written.
/// </summary>
internal sealed class DocumentSigner : IDisposable
{
    private readonly ECDsa _key;

    /// <param name="key">A P-256 private key; the signer disposes it.</param>
    /// <param name="validFrom">When the key was created: the certificate's notBefore.</param>
    public DocumentSigner(ECDsa key, string institutionName, string did, DateTimeOffset validFrom)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(institutionName);
        ArgumentException.ThrowIfNullOrWhiteSpace(did);
        _key = key;
        var name = new X500DistinguishedNameBuilder();
        var shown = institutionName.Length > 64 ? institutionName[..64] : institutionName;   // ub-common-name (RFC 5280 appendix A)
        name.AddCommonName(shown);
        name.AddOrganizationName(shown);
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256);
        var alternative = new SubjectAlternativeNameBuilder();
        alternative.AddUri(new Uri(did));
        request.CertificateExtensions.Add(alternative.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        // notAfter is far off on purpose: the trust store, not the certificate, says until when the key counts.
        Certificate = request.CreateSelfSigned(validFrom, validFrom.AddYears(50));
        InstitutionName = institutionName;
    }

    /// <summary>The certificate with its private key attached.</summary>
    public X509Certificate2 Certificate { get; }

    public string InstitutionName { get; }

    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }
}
