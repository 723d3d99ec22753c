using System.Net;
using System.Net.Http.Json;
using Transcripts.Api.Tests.Features.Transcripts;

namespace Transcripts.Api.Tests.Features.Privacy;

public sealed class VerificationPagePrivacyTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_page_shows_a_fixed_reason_never_the_registrars_words_and_records_the_view_for_the_learner()
    {
        var issued = await IssuedTranscript.CreateAsync(app);
        using var registrar = app.CreateClientFor(issued.School.Registrar);
        (await registrar.PostAsJsonAsync($"/credentials/{issued.CredentialId}/revoke",
            new { reason = "Disciplinary hearing 12/3: plagiarism by Ελένη" })).EnsureSuccessStatusCode();
        using var anonymous = app.CreateClient();

        var html = await VerificationRecord.OpenAsync(app, anonymous, issued.CredentialId);

        Assert.Contains("Reason: withdrawn by the school.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Disciplinary", html, StringComparison.Ordinal);
        using var learner = app.CreateClientFor(issued.School.LearnerAKey);
        var disclosures = await learner.GetStringAsync($"/learners/{issued.School.LearnerA}/disclosures");
        Assert.Contains("verification page " + issued.CredentialId, disclosures, StringComparison.Ordinal);
        Assert.Contains("verification-page", disclosures, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_shows_no_personal_data_to_someone_who_only_knows_the_transcripts_id()
    {
        var issued = await IssuedTranscript.CreateAsync(app);
        var other = await IssuedTranscript.CreateAsync(app);
        using var anonymous = app.CreateClient();
        var before = await app.SnapshotAsync();

        var shell = await anonymous.GetStringAsync($"/v/{issued.CredentialId}");
        var without = await VerificationRecord.PostAsync(anonymous, issued.CredentialId, null);
        var garbage = await VerificationRecord.PostAsync(anonymous, issued.CredentialId, "AQ");
        var anothers = await VerificationRecord.PostAsync(anonymous, issued.CredentialId, await VerificationRecord.TokenAsync(app, other.CredentialId));

        Assert.DoesNotContain("Ελένη", shell, StringComparison.Ordinal);
        Assert.DoesNotContain("Competency 1", shell, StringComparison.Ordinal);
        Assert.Contains("id=\"token-form\"", shell, StringComparison.Ordinal);
        await Problem.AssertAsync(without, HttpStatusCode.Forbidden, "transcript-token-mismatch");
        await Problem.AssertAsync(garbage, HttpStatusCode.Forbidden, "transcript-token-mismatch");
        await Problem.AssertAsync(anothers, HttpStatusCode.Forbidden, "transcript-token-mismatch");
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task A_learner_takes_the_page_down_so_it_answers_404_while_the_status_list_still_says_revoked()
    {
        var issued = await IssuedTranscript.CreateAsync(app);
        using var registrar = app.CreateClientFor(issued.School.Registrar);
        (await registrar.PostAsJsonAsync($"/credentials/{issued.CredentialId}/revoke", new { reason = "Issued in error" })).EnsureSuccessStatusCode();
        using var learner = app.CreateClientFor(issued.School.LearnerAKey);
        using var classmate = app.CreateClientFor(issued.School.LearnerBKey);
        using var anonymous = app.CreateClient();
        var token = await VerificationRecord.TokenAsync(app, issued.CredentialId);

        await Problem.AssertAsync(await classmate.PostAsync($"/credentials/{issued.CredentialId}/page/take-down", null), HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.NoContent, (await learner.PostAsync($"/credentials/{issued.CredentialId}/page/take-down", null)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/v/{issued.CredentialId}")).StatusCode);
        await Problem.AssertAsync(await VerificationRecord.PostAsync(anonymous, issued.CredentialId, token), HttpStatusCode.NotFound, "not-found");
        var report = await Issuance.VerifyAsync(app, issued.School.Id, await Issuance.GetCredentialAsync(registrar, issued.CredentialId));
        Assert.Equal(global::Transcripts.Signing.Verification.CheckStatus.Failed, report.Outcome);
        Assert.Contains(report.Checks, c => c.Status == global::Transcripts.Signing.Verification.CheckStatus.Failed
            && c.Reason.Contains("revoked", StringComparison.OrdinalIgnoreCase));
    }
}
