using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.Transcripts.Pdf;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.StatusLists;
using Transcripts.Signing.Tokens;
using Transcripts.Tests;

namespace Transcripts.Api.Tests.Features.Transcripts;

/// <summary>
/// Writes the verifier's test files (tests/Transcripts.Verifier.Tests/Files) with the real PDF renderer and the signing
/// core: a deterministic test institution (did:web, Ed25519 key from a fixed seed) issuing Open Badges 3.0 credentials, a
/// CLR 2.0 transcript that embeds them, a signed revocation list, a trust bundle, PDF transcripts (valid, attachment
/// replaced, QR token edited) and QR text. Run with TRANSCRIPTS_WRITE_FIXTURES=1 to rewrite them; otherwise the test
/// checks that the committed files are still what the code produces: JSON byte for byte (Ed25519 signatures are
/// deterministic), PDFs by content, since they carry a creation time and a document signature that differ on every run:
/// the same attachments byte for byte, the same QR text in the metadata, the same images and the same words on each
/// page (the printed QR code's text among them).
/// </summary>
public sealed class VerifierFixtureGenerator
{
    public const string Did = "did:web:riverside.example.edu";
    public const string KeyId = Did + "#key-2026";
    public const string DocumentKeyId = Did + "#key-2026-documents";
    public const string TranscriptUuid = "0f5e7c1a-3d2b-4c8e-9a41-6b7d2e8f9c10";
    public const string StatusListUrl = "https://riverside.example.edu/status/1";
    public const string SchoolName = "Riverside Community College";
    public const string Learner = "Zoë Ødegård-Šimić";
    public const int RevokedIndex = 42;
    private static readonly DateTimeOffset s_issued = new(2026, 6, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly Uri s_publicBase = new("https://transcripts.riverside.example.edu");

    private static string FilesFolder => Path.Combine(SpecData.RepositoryRoot, "tests", "Transcripts.Verifier.Tests", "Files");

    [Fact]
    public void Verifier_fixtures_are_current()
    {
        var files = Generate();
        if (Environment.GetEnvironmentVariable("TRANSCRIPTS_WRITE_FIXTURES") == "1")
        {
            Directory.CreateDirectory(FilesFolder);
            foreach (var (name, bytes) in files)
            {
                File.WriteAllBytes(Path.Combine(FilesFolder, name), bytes);
            }
            return;
        }
        foreach (var (name, bytes) in files)
        {
            var path = Path.Combine(FilesFolder, name);
            Assert.True(File.Exists(path), $"{name} is missing; run this test with TRANSCRIPTS_WRITE_FIXTURES=1.");
            if (name.EndsWith(".pdf", StringComparison.Ordinal))
            {
                var differences = PdfContent.Differences(File.ReadAllBytes(path), bytes);
                Assert.True(differences.Count == 0,
                    $"{name} is out of date ({string.Join("; ", differences)}); run this test with TRANSCRIPTS_WRITE_FIXTURES=1.");
            }
            else
            {
                Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(path)), $"{name} is out of date; run this test with TRANSCRIPTS_WRITE_FIXTURES=1.");
            }
        }
    }

    [Fact]
    public void The_pdf_comparison_sees_a_changed_attachment_qr_text_and_page()
    {
        var files = Generate();
        var genuine = files["transcript-unsigned.pdf"];

        Assert.Empty(PdfContent.Differences(genuine, genuine));
        Assert.Contains(PdfContent.Differences(genuine, files["transcript-attachment-replaced.pdf"]), d => d.Contains("attachment", StringComparison.Ordinal));
        Assert.Contains(PdfContent.Differences(genuine, files["transcript-qr-edited.pdf"]), d => d.Contains("QR text", StringComparison.Ordinal));
        // The page shows the QR code as vector paths, not an image; its text is printed on the page too, among the words.
        Assert.Contains(PdfContent.Differences(genuine, files["transcript-qr-edited.pdf"]), d => d.Contains("words", StringComparison.Ordinal));
        Assert.Contains(PdfContent.Differences(genuine, files["fuzz-seed.pdf"]), d => d.Contains("words", StringComparison.Ordinal));
    }

    internal static Dictionary<string, byte[]> Generate()
    {
        using var key = Ed25519KeyPair.FromSeed(SHA256.HashData("transcripts verifier fixtures: riverside key-2026"u8));
        using var otherSchoolKey = Ed25519KeyPair.FromSeed(SHA256.HashData("transcripts verifier fixtures: another school"u8));
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);

        var didDocument = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"),
            ["id"] = Did,
            ["verificationMethod"] = new JsonArray(new JsonObject
            {
                ["id"] = KeyId, ["type"] = "Multikey", ["controller"] = Did, ["publicKeyMultibase"] = Multikey.Encode(key.PublicKey),
            }),
            ["assertionMethod"] = new JsonArray(KeyId),
        };
        using (var documentKey = DocumentKey())
        {
            didDocument["verificationMethod"]!.AsArray().Add(new JsonObject
            {
                ["id"] = DocumentKeyId, ["type"] = "Multikey", ["controller"] = Did,
                ["publicKeyMultibase"] = DocumentSigningKey.PublicKeyMultibase(documentKey),
            });
        }
        didDocument[IssuerIdentity.DocumentSigningRelationship] = new JsonArray(DocumentKeyId);
        files["riverside.trust.json"] = Json(new JsonObject
        {
            ["didDocument"] = didDocument,
            ["profile"] = new JsonObject { ["name"] = SchoolName, ["url"] = "https://riverside.example.edu" },
            ["statusLists"] = new JsonArray(StatusListUrl),
        });

        var list = new BitstringStatusList();
        list.Set(RevokedIndex, true);
        files["status-list-1.json"] = Json(Sign(list.CreateCredential(StatusListUrl, Did, "revocation", s_issued.AddDays(1)), key));

        var sample = SampleTranscripts.Create(competencies: 4);
        var competencies = sample.Domains.SelectMany(d => d.Competencies.Select(c => (Domain: d.Name, Competency: c))).ToList();
        var badges = competencies.Select((c, i) => Sign(Badge(c.Competency, c.Domain, Learner, 100 + i), key)).ToList();
        files["ob-achievement.json"] = Json(badges[0]);
        files["ob-revoked.json"] = Json(Sign(Badge(competencies[1].Competency, competencies[1].Domain, Learner, RevokedIndex), key));
        files["ob-jcs.json"] = Json(Sign(Badge(competencies[2].Competency, competencies[2].Domain, Learner, 7), key, "eddsa-jcs-2022"));

        var clr = Sign(Clr(TranscriptUuid, Learner, badges, 8), key);
        var clrBytes = Json(clr);
        files["clr-transcript.json"] = clrBytes;
        var otherClr = Json(Sign(Clr("5a1c9e20-7b44-4f3a-8d15-2c6e9f0b7a38", "Alex Example", [badges[0]], 9), key));

        var qr = QrText(key, "urn:uuid:" + TranscriptUuid, Learner, clrBytes);
        files["transcript.qr.txt"] = Encoding.UTF8.GetBytes(qr + "\n");
        var token = qr[(qr.IndexOf('#', StringComparison.Ordinal) + 1)..];
        var edited = qr[..^token.Length] + token[..^10] + (token[^10] == 'A' ? 'B' : 'A') + token[^9..];
        files["transcript-edited.qr.txt"] = Encoding.UTF8.GetBytes(edited + "\n");

        var renderer = new TranscriptPdfRenderer(SampleTranscripts.DefaultTemplate());
        using (var signer = Signer())
        {
            files["transcript.pdf"] = Render(renderer, sample, qr, clrBytes, signer);
        }
        files["transcript-unsigned.pdf"] = Render(renderer, sample, qr, clrBytes);
        // A forger's copy: the school's own credential and QR, pages as printed, signed with a key the school never published.
        using (var stranger = new DocumentSigner(DocumentSigningKey.Derive(SHA256.HashData("a forger's key"u8), Guid.Empty), SchoolName, Did, s_issued))
        {
            files["transcript-signed-by-stranger.pdf"] = Render(renderer, sample, qr, clrBytes, stranger);
        }
        files["transcript-attachment-replaced.pdf"] = Render(renderer, sample, qr, otherClr);
        files["transcript-qr-edited.pdf"] = Render(renderer, sample, edited, clrBytes);

        // A small transcript signed with eddsa-jcs-2022 (fast to verify), the seed of the PDF fuzz run.
        var jcsBadge = Sign(Badge(competencies[3].Competency, competencies[3].Domain, Learner, 11), key, "eddsa-jcs-2022");
        var jcsBytes = Json(jcsBadge);
        var jcsQr = QrText(key, (string)jcsBadge["id"]!, Learner, jcsBytes);
        files["fuzz-seed.pdf"] = Render(renderer, SampleTranscripts.Create(competencies: 1, statementWords: 4), jcsQr, jcsBytes);

        // A credential naming Riverside as issuer but signed by another school's did:key: an impersonation.
        var forged = Badge(competencies[0].Competency, competencies[0].Domain, Learner, 12);
        files["ob-signed-by-another-key.json"] = Json(DataIntegrityProof.Sign(forged, new ProofOptions
        {
            Cryptosuite = "eddsa-rdfc-2022", VerificationMethod = DidKey.VerificationMethodId(otherSchoolKey.PublicKey), Created = s_issued,
        }, otherSchoolKey));
        return files;
    }

    private static string QrText(KeyPair key, string credentialId, string learner, byte[] credential) =>
        TranscriptQr.Compose(s_publicBase, credentialId,
            TranscriptToken.Create(KeyId, credentialId, learner, DateOnly.FromDateTime(s_issued.UtcDateTime), SHA256.HashData(credential), key));

    // The page states what the credential does: its id, learner, issue date, competencies and levels.
    private static byte[] Render(TranscriptPdfRenderer renderer, TranscriptDocument sample, string qr, byte[] credential,
        DocumentSigner? signer = null) =>
        renderer.Render(sample with
        {
            Institution = sample.Institution with { Name = SchoolName, PublicBaseUrl = s_publicBase },
            Learner = sample.Learner with { Name = Learner },
            TranscriptId = TranscriptUuid,
            IssueDate = DateOnly.FromDateTime(s_issued.UtcDateTime),
            QrText = qr,
            Credential = new EmbeddedCredential(EmbeddedCredential.DefaultFileName, EmbeddedCredential.JsonLdMediaType, credential),
        }, signer);

    /// <summary>The fixtures' document-signing key: derived, as the service derives it, from the school key's seed.</summary>
    private static System.Security.Cryptography.ECDsa DocumentKey() =>
        DocumentSigningKey.Derive(SHA256.HashData("transcripts verifier fixtures: riverside key-2026"u8), Guid.Empty);

    internal static DocumentSigner Signer() => new(DocumentKey(), SchoolName, Did, s_issued.AddMonths(-6));

    private static JsonObject Sign(JsonObject credential, KeyPair key, string suite = "eddsa-rdfc-2022") =>
        DataIntegrityProof.Sign(credential, new ProofOptions { Cryptosuite = suite, VerificationMethod = KeyId, Created = s_issued }, key);

    private static JsonObject Issuer() => new() { ["id"] = Did, ["type"] = new JsonArray("Profile"), ["name"] = SchoolName };

    private static JsonArray Identifier(string learner) => new(new JsonObject
    {
        ["type"] = "IdentityObject", ["identityType"] = "name", ["hashed"] = false, ["identityHash"] = learner,
    });

    private static JsonObject Status(int index) => new()
    {
        ["id"] = $"{StatusListUrl}#{index}",
        ["type"] = "BitstringStatusListEntry",
        ["statusPurpose"] = "revocation",
        ["statusListIndex"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["statusListCredential"] = StatusListUrl,
    };

    private static JsonObject Badge(TranscriptCompetency competency, string domain, string learner, int statusIndex)
    {
        var achievementId = $"https://riverside.example.edu/competencies/{competency.Code}";
        var levels = new JsonArray([.. SampleTranscripts.Scale.Select(l => (JsonNode)new JsonObject
        {
            ["id"] = $"{achievementId}/levels/{l.Rank}", ["type"] = new JsonArray("RubricCriterionLevel"), ["name"] = l.Name, ["description"] = l.Description,
        })]);
        return new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = $"urn:uuid:{new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(learner + competency.Code + statusIndex)).AsSpan(0, 16))}",
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["issuer"] = Issuer(),
            ["validFrom"] = "2026-06-30T09:00:00Z",
            ["name"] = $"{competency.Code}: {domain}",
            ["credentialSubject"] = new JsonObject
            {
                ["type"] = new JsonArray("AchievementSubject"),
                ["identifier"] = Identifier(learner),
                ["achievement"] = new JsonObject
                {
                    ["id"] = achievementId,
                    ["type"] = new JsonArray("Achievement"),
                    ["achievementType"] = "Competency",
                    ["humanCode"] = competency.Code,
                    ["name"] = $"{competency.Code} {domain}",
                    ["description"] = competency.Statement,
                    ["criteria"] = new JsonObject { ["narrative"] = "Assessed against the institution's four-level proficiency scale." },
                    ["resultDescription"] = new JsonArray(new JsonObject
                    {
                        ["id"] = $"{achievementId}/scale",
                        ["type"] = new JsonArray("ResultDescription"),
                        ["name"] = "Proficiency",
                        ["resultType"] = "RubricCriterionLevel",
                        ["rubricCriterionLevel"] = levels,
                    }),
                },
                ["result"] = new JsonArray(new JsonObject
                {
                    ["type"] = new JsonArray("Result"),
                    ["resultDescription"] = $"{achievementId}/scale",
                    ["achievedLevel"] = $"{achievementId}/levels/{competency.Level.Rank}",
                }),
            },
            ["credentialStatus"] = Status(statusIndex),
        };
    }

    private static JsonObject Clr(string uuid, string learner, IReadOnlyList<JsonObject> badges, int statusIndex) => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
                                     "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
        ["id"] = $"urn:uuid:{uuid}",
        ["type"] = new JsonArray("VerifiableCredential", "ClrCredential"),
        ["issuer"] = Issuer(),
        ["validFrom"] = "2026-06-30T09:00:00Z",
        ["name"] = $"Transcript of {learner}",
        ["credentialSubject"] = new JsonObject
        {
            ["type"] = new JsonArray("ClrSubject"),
            ["identifier"] = Identifier(learner),
            ["verifiableCredential"] = new JsonArray([.. badges.Select(b => (JsonNode)b.DeepClone())]),
        },
        ["credentialStatus"] = Status(statusIndex),
    };

    private static byte[] Json(JsonObject value) => Encoding.UTF8.GetBytes(value.ToJsonString(new System.Text.Json.JsonSerializerOptions
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }) + "\n");
}
