using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Transcripts.Api.Tests.Features.Trust;
using Transcripts.Signing.Verification;

namespace Transcripts.Api.Tests.Features.Privacy;

/// <summary>What is signed about a learner is the institution's policy, minimal by default, and the learner sees it before sharing.</summary>
public sealed class MinimalCredentialTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Narrative = "Wrote an essay.";   // the seeded evidence's narrative

    [Fact]
    public async Task The_minimal_default_credential_holds_no_narrative_and_no_plain_identifier_beyond_the_name()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        var badge = await Issuance.GetCredentialAsync(registrar, seeded.CredentialId);
        var transcript = await Issuance.GetCredentialAsync(registrar,
            await Seeded.Id(await registrar.PostAsJsonAsync("/credentials/transcripts", new { learnerId = seeded.School.LearnerA })));

        foreach (var credential in new[] { badge, transcript })
        {
            var text = credential.ToJsonString();
            Assert.DoesNotContain(Narrative, text, StringComparison.Ordinal);
            Assert.DoesNotContain(seeded.School.LearnerA.ToString(), text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("work.png", text, StringComparison.Ordinal);
            var identifiers = credential["credentialSubject"]!["identifier"]!.AsArray().Select(i => i!.AsObject()).ToList();
            var plain = Assert.Single(identifiers, i => !(bool)i["hashed"]!);
            Assert.Equal("name", (string?)plain["identityType"]);
            var hashed = Assert.Single(identifiers, i => (bool)i["hashed"]!);
            Assert.Equal("systemId", (string?)hashed["identityType"]);
            var salt = (string)hashed["salt"]!;
            Assert.Equal("sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"urn:uuid:{seeded.School.LearnerA}{salt}"))),
                (string?)hashed["identityHash"]);
            Assert.Equal(CheckStatus.Passed, (await Issuance.VerifyAsync(app, seeded.School.Id, credential)).Outcome);
        }
        var evidence = Assert.Single(badge["evidence"]!.AsArray())!.AsObject();
        Assert.Null(evidence["narrative"]);
        Assert.Equal($"urn:uuid:{seeded.EvidenceId}", (string?)evidence["id"]);
        Assert.Equal("u" + Base64Url([0x12, 0x20, .. SHA256.HashData(Encoding.UTF8.GetBytes(Narrative))]), (string?)evidence["digestMultibase"]);
    }

    /// <summary>Apart from the privacy checks above, which need no specification data: the official schema is in ../shared/spec.</summary>
    [SkippableFact]
    public async Task The_minimal_default_badge_matches_the_Open_Badges_schema()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        var badge = await Issuance.GetCredentialAsync(registrar, seeded.CredentialId);

        Assert.Equal("", Issuance.ValidateSchema("ob-v3p0/purl-jsonld-variant/ob_v3p0_achievementcredential_schema.json", badge));
    }

    [Fact]
    public async Task An_institution_that_chooses_more_signs_the_plain_identifier_the_narrative_and_an_explanation_without_feedback()
    {
        var seeded = await Seeded.CreateAsync(app);
        var school = seeded.School;
        using var admin = app.CreateClientFor(school.Admin);
        using var assessor = app.CreateClientFor(school.Assessor);
        using var registrar = app.CreateClientFor(school.Registrar);
        var before = await Seeded.Json(await admin.GetAsync("/institution/credential-policy"));
        var set = await admin.PutAsJsonAsync("/institution/credential-policy",
            new { learnerIdentifier = "plain", includeEvidenceNarratives = true, includeExplanation = true, version = 0 });
        var stale = await admin.PutAsJsonAsync("/institution/credential-policy",
            new { learnerIdentifier = "omitted", includeEvidenceNarratives = false, includeExplanation = false, version = 0 });
        var unknown = await admin.PutAsJsonAsync("/institution/credential-policy",
            new { learnerIdentifier = "email", includeEvidenceNarratives = false, includeExplanation = false, version = 1 });
        foreach (var (on, level) in new[] { ("2026-05-04", 1), ("2026-06-11", 3) })
        {
            (await assessor.PostAsJsonAsync("/assessments", new
            {
                learnerId = school.LearnerA, competencyId = school.Competencies[1], levelId = school.Levels[level],
                evidenceId = seeded.EvidenceId, feedback = "Private feedback for the learner only", assessedOn = on,
            })).EnsureSuccessStatusCode();
        }
        var attainment = (await Seeded.Json(await registrar.GetAsync($"/learners/{school.LearnerA}/attainments"))).GetProperty("items")
            .EnumerateArray().Single(a => a.GetProperty("competencyId").GetGuid() == school.Competencies[1]).GetProperty("id").GetGuid();
        var badge = await Issuance.IssueAchievementAsync(registrar, attainment);

        Assert.Equal("hashed", before.GetProperty("learnerIdentifier").GetString());
        Assert.False(before.GetProperty("includeEvidenceNarratives").GetBoolean());
        Assert.False(before.GetProperty("includeExplanation").GetBoolean());
        Assert.Equal(0, before.GetProperty("version").GetInt32());
        Assert.Equal(1, (await Seeded.Json(set)).GetProperty("version").GetInt32());
        await Problem.AssertAsync(stale, HttpStatusCode.Conflict, "stale-update");
        await Problem.AssertAsync(unknown, HttpStatusCode.BadRequest, "validation-failed");
        var text = badge.ToJsonString();
        Assert.Contains($"\"identityHash\":\"urn:uuid:{school.LearnerA}\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Private feedback", text, StringComparison.Ordinal);
        var evidence = badge["evidence"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.Equal(Narrative, (string?)evidence.Single(e => (string?)e["genre"] != "Explanation")["narrative"]);
        var explanation = (string)evidence.Single(e => (string?)e["genre"] == "Explanation")["narrative"]!;
        Assert.Equal("Level \"Advanced\" was reached by the framework's rule: the most recent assessment counts, over 2 assessments: "
            + "2026-05-04 \"Developing\"; 2026-06-11 \"Advanced\".", explanation);
        Assert.Equal(CheckStatus.Passed, (await Issuance.VerifyAsync(app, school.Id, badge)).Outcome);

        // The learner sees it before sharing; an admissions office sees it in the verifier's report.
        using var learner = app.CreateClientFor(school.LearnerAKey);
        var preview = await Seeded.Json(await learner.GetAsync($"/credentials/{Issuance.IdOf(badge)}/preview"));
        Assert.Equal(explanation, preview.GetProperty("achievements")[0].GetProperty("explanation").GetString());
        using var office = new OfficeVerifier();
        await office.TrustAsync(app, school.Id);
        var report = await office.RunAsync(app.Clock.GetUtcNow(), "verify", office.Write("badge.json", badge), "--no-status");
        Assert.Equal(0, report.Exit);
        Assert.Contains("How \"Competency 2\" was reached (the issuer's explanation): " + explanation, report.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_learner_previews_exactly_the_fields_a_college_receives_before_sharing_and_staff_previews_are_disclosed()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var learner = app.CreateClientFor(seeded.School.LearnerAKey);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        var link = await Seeded.Json(await learner.PostAsJsonAsync($"/learners/{seeded.School.LearnerA}/share-links",
            new { credentialIds = new[] { seeded.CredentialId } }));
        var signed = await Issuance.GetCredentialAsync(learner, seeded.CredentialId);

        var response = await learner.GetAsync($"/credentials/{seeded.CredentialId}/preview");
        var preview = await Seeded.Json(response);
        var shared = await Seeded.Json(await learner.GetAsync($"/share-links/{link.GetProperty("id").GetGuid()}/preview"));
        var disclosuresBefore = await app.WithDbAsync(db => Task.FromResult(db.Disclosures.Count(d => d.LearnerId == seeded.School.LearnerA)));
        await Seeded.Json(await registrar.GetAsync($"/credentials/{seeded.CredentialId}/preview"));
        var disclosuresAfter = await app.WithDbAsync(db => Task.FromResult(db.Disclosures.Count(d => d.LearnerId == seeded.School.LearnerA)));

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var fields = preview.GetProperty("fields").EnumerateArray()
            .ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("value").GetString()!);
        Assert.Equal(Leaves(signed), fields);
        Assert.Equal("Ελένη Παπαδοπούλου", preview.GetProperty("learnerName").GetString());
        var identifiers = preview.GetProperty("identifiers").EnumerateArray().ToList();
        Assert.Equal([false, true], identifiers.Select(i => i.GetProperty("isHashed").GetBoolean()));
        var evidence = preview.GetProperty("achievements")[0].GetProperty("evidence")[0];
        Assert.False(evidence.GetProperty("carriesNarrative").GetBoolean());
        Assert.Equal(JsonValueKind.Null, preview.GetProperty("achievements")[0].GetProperty("explanation").ValueKind);
        Assert.Equal(preview.GetProperty("fields").GetRawText(), shared.GetProperty("credentials")[0].GetProperty("fields").GetRawText());
        Assert.Equal(disclosuresBefore + 1, disclosuresAfter);
    }

    private static Dictionary<string, string> Leaves(JsonNode node)
    {
        var leaves = new Dictionary<string, string>();
        void Walk(JsonNode? n, string path)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (k, v) in o)
                    {
                        Walk(v, path.Length == 0 ? k : $"{path}.{k}");
                    }
                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        Walk(a[i], $"{path}[{i}]");
                    }
                    break;
                default:
                    leaves[path] = n is null ? "null" : n.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : n.ToJsonString();
                    break;
            }
        }
        Walk(node, "");
        return leaves;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
