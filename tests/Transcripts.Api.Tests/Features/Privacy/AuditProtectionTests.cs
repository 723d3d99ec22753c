using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transcripts.Api.Features.Audit;

namespace Transcripts.Api.Tests.Features.Privacy;

/// <summary>An attacker with write access to the database but not to the configuration (the audit key) or the archived heads.</summary>
public sealed class AuditProtectionTests
{
    private static async Task<(School School, HttpClient Admin)> ArrangeAsync(TranscriptsApp app)
    {
        var school = await app.SeedInstitutionAsync();
        var admin = app.CreateClientFor(school.Admin);
        (await admin.PostAsJsonAsync("/learners", new { name = "Chiara Esposito" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/assessments", new { learnerId = school.LearnerA, competencyId = school.Competencies[0], levelId = school.Levels[2] }))
            .EnsureSuccessStatusCode();
        (await admin.GetAsync($"/learners/{school.LearnerA}/record")).EnsureSuccessStatusCode();   // a disclosure
        return (school, admin);
    }

    [Fact]
    public async Task A_truncated_audit_tail_is_detected_against_the_published_head()
    {
        using var app = new SqliteApp();
        var (school, admin) = await ArrangeAsync(app);
        var head = await Seeded.Json(await admin.PostAsync("/audit/head", null));
        Assert.True((await Seeded.Json(await admin.GetAsync("/audit/verify"))).GetProperty("isIntact").GetBoolean());
        var last = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.InstitutionId == school.Id).MaxAsync(e => e.Sequence));

        // Remove the tail: what is left is a perfectly linked, perfectly MACed shorter chain.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\" WHERE \"Sequence\" >= {0}", last - 1));
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"Disclosures\""));
        var verify = await Seeded.Json(await admin.GetAsync("/audit/verify"));

        Assert.Equal("TranscriptsAuditHead", head.GetProperty("type").GetString());
        Assert.Equal("DataIntegrityProof", head.GetProperty("proof").GetProperty("type").GetString());
        Assert.False(verify.GetProperty("isIntact").GetBoolean());
        Assert.Contains("no longer reaches the head published", verify.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task An_audit_row_rewritten_with_a_recomputed_hash_is_detected_because_its_mac_needs_the_key()
    {
        using var app = new SqliteApp();
        var (school, admin) = await ArrangeAsync(app);
        var target = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.InstitutionId == school.Id && e.EntityType == "Assessment").SingleAsync());

        // The attacker knows the (public) hash formula, so the edited row's own hash is consistent.
        target.Actor = "key:" + Guid.NewGuid();
        var hash = global::Transcripts.Api.Data.AuditChain.HashOf(target);
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Actor\" = {0}, \"Hash\" = {1} WHERE \"Id\" = {2}",
            target.Actor, hash, target.Id));
        var verify = await Seeded.Json(await admin.GetAsync("/audit/verify"));

        Assert.False(verify.GetProperty("isIntact").GetBoolean());
        Assert.Equal(target.Sequence, verify.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Contains("MAC", verify.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task An_edited_or_removed_disclosure_is_detected_so_a_read_cannot_be_hidden()
    {
        using var app = new SqliteApp();
        var (school, admin) = await ArrangeAsync(app);
        (await admin.GetAsync($"/learners/{school.LearnerA}/record")).EnsureSuccessStatusCode();
        var first = await app.WithDbAsync(db => db.Disclosures.Where(d => d.InstitutionId == school.Id).OrderBy(d => d.ChainSequence).FirstAsync());
        Assert.NotNull(first.Mac);

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"Disclosures\" WHERE \"Id\" = {0}", first.Id));
        var verify = await Seeded.Json(await admin.GetAsync("/audit/verify"));

        Assert.False(verify.GetProperty("isIntact").GetBoolean());
        Assert.Contains("disclosure", verify.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Audit_verify_of_one_institution_never_names_another_institutions_rows()
    {
        using var app = new SqliteApp();
        var (school, admin) = await ArrangeAsync(app);
        var (other, _) = await ArrangeAsync(app);
        var theirs = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.InstitutionId == other.Id).OrderBy(e => e.Sequence).Skip(3).FirstAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Actor\" = 'key:x' WHERE \"Id\" = {0}", theirs.Id));
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"Learners\" SET \"Name\" = 'Changed' WHERE \"Id\" = {0}", other.LearnerB));

        var mine = await Seeded.Json(await admin.GetAsync("/audit/verify"));

        Assert.True(mine.GetProperty("isIntact").GetBoolean(), mine.ToString());
        Assert.DoesNotContain(theirs.Id.ToString(), mine.ToString());
        Assert.DoesNotContain(other.LearnerB.ToString(), mine.ToString());
        (await admin.PostAsJsonAsync("/signing-keys", new { keyType = "Ed25519" })).EnsureSuccessStatusCode();
        var publisher = app.Services.GetRequiredService<AuditHeadPublisher>();
        var written = await publisher.PublishAllAsync(CancellationToken.None);
        Assert.Contains(written, p => p.Contains(school.Id.ToString(), StringComparison.Ordinal));
        var published = JsonNode.Parse(await File.ReadAllTextAsync(written.First(p => p.Contains(school.Id.ToString(), StringComparison.Ordinal))))!;
        Assert.Equal(school.Id.ToString(), (string)published["institutionId"]!);
    }
}
