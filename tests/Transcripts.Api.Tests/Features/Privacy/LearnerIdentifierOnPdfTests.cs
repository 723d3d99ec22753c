using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Transcripts.Api.Features.Transcripts;
using Transcripts.Api.Features.Transcripts.Pdf;
using Transcripts.Api.Tests.Features.Transcripts;
using Transcripts.Tests;

namespace Transcripts.Api.Tests.Features.Privacy;

/// <summary>
/// A printed transcript shows a learner identifier only when the institution's template names its scheme, and never the
/// system identifier, whose disclosure the credential policy governs (hashed by default).
/// </summary>
public sealed class LearnerIdentifierOnPdfTests(SqliteApp app) : IClassFixture<SqliteApp>, IDisposable
{
    private readonly PdfTool.TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public async Task The_default_template_prints_neither_the_student_number_nor_the_system_identifier()
    {
        var issued = await IssuedWithStudentNumberAsync();

        var text = await PageTextAsync(issued);

        Assert.DoesNotContain("SN-40512", text, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.School.LearnerA.ToString("D"), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Learner ID", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_template_naming_the_scheme_prints_that_identifier_and_no_other()
    {
        var issued = await IssuedWithStudentNumberAsync();
        var json = JsonNode.Parse(File.ReadAllText(SampleTranscripts.TemplatePath("transcript.default.json")))!;
        json["learnerIdentifierScheme"] = "student-number";
        var path = _folder.Write($"{Guid.NewGuid():N}.json", System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));
        app.Services.GetRequiredService<IOptions<TranscriptPdfOptions>>().Value.InstitutionTemplates[issued.School.Id] = path;

        var text = await PageTextAsync(issued);

        Assert.Contains("Learner ID", text, StringComparison.Ordinal);
        Assert.Contains("SN-40512", text, StringComparison.Ordinal);
        Assert.DoesNotContain("OTHER-77", text, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.School.LearnerA.ToString("D"), text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\" padded \"")]
    [InlineData("42")]
    public void A_template_with_a_malformed_scheme_is_refused_by_name(string scheme)
    {
        var json = JsonNode.Parse(File.ReadAllText(SampleTranscripts.TemplatePath("transcript.default.json")))!;
        json["learnerIdentifierScheme"] = JsonNode.Parse(scheme);

        var error = Record.Exception(() => TranscriptTemplateLoader.Parse(json.ToJsonString(), "bad-scheme",
            Path.GetDirectoryName(SampleTranscripts.TemplatePath("transcript.default.json"))!));

        Assert.NotNull(error);
        Assert.Contains("learnerIdentifierScheme", error is TranscriptTemplateException t ? t.Field : error.Message, StringComparison.Ordinal);
    }

    private async Task<IssuedTranscript> IssuedWithStudentNumberAsync()
    {
        var issued = await IssuedTranscript.CreateAsync(app);
        await app.WithDbAsync(async db =>
        {
            db.LearnerIdentifiers.Add(new Data.Entities.LearnerIdentifier
            {
                LearnerId = issued.School.LearnerA, InstitutionId = issued.School.Id, Scheme = "student-number", Value = "SN-40512",
            });
            db.LearnerIdentifiers.Add(new Data.Entities.LearnerIdentifier
            {
                LearnerId = issued.School.LearnerA, InstitutionId = issued.School.Id, Scheme = "a-other", Value = "OTHER-77",
            });
            return await db.SaveChangesAsync();
        });
        return issued;
    }

    private async Task<string> PageTextAsync(IssuedTranscript issued)
    {
        using var registrar = app.CreateClientFor(issued.School.Registrar);
        var response = await registrar.GetAsync($"/credentials/{issued.CredentialId}/pdf");
        response.EnsureSuccessStatusCode();
        var pdf = _folder.Write($"{Guid.NewGuid():N}.pdf", await response.Content.ReadAsByteArrayAsync());
        return DebianTool.Run("pdftotext", "poppler-utils", "-enc", "UTF-8", pdf, "-").Stdout;
    }
}
