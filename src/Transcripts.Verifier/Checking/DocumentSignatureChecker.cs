using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;
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
    public const string DocumentSigning = "documentSigning";
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
        var keys = issuer is null ? [] : DocumentKeys(issuer.DidDocument);
        string? last = null;
        foreach (var signature in covering)
        {
            var (status, reason) = Verify(file, signature, keys, issuer);
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

    private static (CheckStatus, string) Verify(byte[] file, PdfSignatureField signature, IReadOnlyList<DocumentKey> keys, TrustedIssuer? issuer)
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
        var signerKey = CompressedPoint(info.Certificate);
        if (issuer is null)
        {
            return (CheckStatus.Unknown, "The PDF is signed as a document, but its credential's issuer is not in your trust store, so the signature could not be judged.");
        }
        var who = issuer.Name is null ? issuer.Did : $"{issuer.Name} ({issuer.Did})";
        if (keys.Count == 0)
        {
            return (CheckStatus.Unknown, $"The PDF is signed as a document, but your trust store lists no document-signing key for {who}: import its current trust bundle to check it.");
        }
        var key = signerKey is null ? null : keys.FirstOrDefault(k => k.Key.Bytes.SequenceEqual(signerKey));
        if (key is null)
        {
            return (CheckStatus.Failed, $"The PDF is signed, but not with a document-signing key your trust store lists for {who}: someone else made or re-signed this file.");
        }
        if (key.Revoked is { } revoked)
        {
            return (CheckStatus.Failed, $"The PDF is signed with the key {key.Id}, which {who} revoked on {revoked}: the signature cannot vouch for the file. Ask the school for a new copy.");
        }
        return (CheckStatus.Passed, $"The whole PDF is signed by {who} with its document-signing key {key.Id}: not one byte has changed since it was signed.");
    }

    private static byte[]? CompressedPoint(X509Certificate2? certificate)
    {
        using var ecdsa = certificate?.GetECDsaPublicKey();
        if (ecdsa is null || ecdsa.KeySize != 256)
        {
            return null;
        }
        var q = ecdsa.ExportParameters(includePrivateParameters: false).Q;
        return [(byte)(0x02 | (q.Y![^1] & 1)), .. q.X!];
    }

    private sealed record DocumentKey(string Id, P256PublicKey Key, string? Revoked);

    private static List<DocumentKey> DocumentKeys(JsonObject didDocument)
    {
        var did = (string?)(didDocument["id"] as JsonValue);
        var ids = (didDocument[DocumentSigning] as JsonArray ?? []).Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)
            .OfType<string>().Select(s => s.StartsWith('#') ? did + s : s).ToHashSet(StringComparer.Ordinal);
        var keys = new List<DocumentKey>();
        foreach (var method in (didDocument["verificationMethod"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var id = method["id"] is JsonValue v && v.TryGetValue<string>(out var s) ? (s.StartsWith('#') ? did + s : s) : null;
            var multibase = method["publicKeyMultibase"] is JsonValue m && m.TryGetValue<string>(out var t) ? t : null;
            if (id is not null && ids.Contains(id) && Multikey.TryDecode(multibase, out var key) && key is P256PublicKey p256)
            {
                var revoked = method["revoked"] is JsonValue r && r.TryGetValue<string>(out var when) ? when : null;
                keys.Add(new DocumentKey(id, p256, revoked));
            }
        }
        return keys;
    }
}
