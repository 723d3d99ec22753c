using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Transcripts.Signing.Verification.DataModel;
using Transcripts.Verifier.Checking;

namespace Transcripts.Verifier.Output;

/// <summary>
/// The report as one JSON document for programs: the same checks, reasons and claims as the text report. Fields are only
/// ever added (the verdict sentence, the trust store's name for the issuer, when status was known, what a scan showed),
/// never renamed or given another meaning.
/// </summary>
internal static class JsonReport
{
    private static readonly JsonWriterOptions s_options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(TextWriter output, IReadOnlyList<InputResult> results, ReportContext context)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, s_options))
        {
            var exit = InputResult.ExitCode(results);
            json.WriteStartObject();
            json.WriteString("verdict", Verdicts.Word((Verdict)exit));
            json.WriteNumber("exitCode", exit);
            json.WriteStartArray("inputs");
            foreach (var result in results)
            {
                WriteResult(json, result, context);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteResult(Utf8JsonWriter json, InputResult result, ReportContext context)
    {
        json.WriteStartObject();
        json.WriteString("source", result.Source);
        json.WriteString("kind", result.Kind);
        json.WriteString("verdict", Verdicts.Word(result.Verdict));
        json.WriteString("sentence", Verdicts.Sentence(result, context));
        WriteDate(json, "statusAsOf", result.StatusAsOf);
        if (result.SignedSha256 is { } sha256)
        {
            json.WriteString("credentialSha256", sha256);
        }
        if (result.Error is not null)
        {
            json.WriteString("error", result.Error);
        }
        json.WriteStartArray("checks");
        foreach (var check in result.Checks)
        {
            json.WriteStartObject();
            json.WriteString("name", check.Name);
            json.WriteString("status", Verdicts.Word(check.Status));
            json.WriteString("reason", check.Reason);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (result.Summary is { } summary)
        {
            WriteSummary(json, summary, context);
        }
        if (result.Qr is { } qr)
        {
            json.WriteStartObject("qr");
            json.WriteString("text", qr.Text);
            json.WriteString("readFrom", qr.ReadFrom);
            json.WriteString("credentialId", qr.CredentialId);
            json.WriteString("learner", qr.LearnerName);
            json.WriteString("issueDate", qr.IssueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("issuer", qr.Issuer);
            json.WriteString("issuerName", qr.IssuerName);
            json.WriteString("verificationMethod", qr.VerificationMethod);
            json.WriteString("credentialSha256", qr.CredentialSha256);
            json.WriteEndObject();
        }
        if (result.Scan is { } scan)
        {
            WriteScan(json, scan);
        }
        if (result.Credentials.Count > 0)
        {
            json.WriteStartArray("credentials");
            foreach (var part in result.Credentials)
            {
                WriteResult(json, part, context);
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    // What the QR token of a scan covers, and what was compared with the page.
    private static void WriteScan(Utf8JsonWriter json, ScanFindings scan)
    {
        json.WriteStartObject("scan");
        json.WriteString("qrFound", scan.FoundIn);
        json.WriteStartArray("vouchedFor");
        foreach (var field in new[] { "learner", "credentialId", "issueDate", "issuer" })
        {
            json.WriteStringValue(field);
        }
        json.WriteEndArray();
        json.WriteString("pageOnly", ScanReport.PageOnly);
        if (scan.Compared is { } compared)
        {
            json.WriteStartObject("comparedWith");
            json.WriteString("source", compared.Source);
            json.WriteBoolean("sameSha256", compared.Exact);
            json.WriteString("verdict", Verdicts.Word(compared.Verdict));
            json.WriteEndObject();
        }
        if (scan.Compared is { Exact: true } exact)
        {
            WriteCompetencies(json, "signedCompetencies", exact.Competencies);
        }
        else
        {
            json.WriteNull("signedCompetencies");
            json.WriteString("competenciesNote", ScanReport.NoCompetencies);
        }
        json.WriteEndObject();
    }

    private static void WriteCompetencies(Utf8JsonWriter json, string name, IReadOnlyList<Competency> competencies)
    {
        json.WriteStartArray(name);
        foreach (var competency in competencies)
        {
            json.WriteStartObject();
            json.WriteString("name", competency.Name);
            json.WriteString("level", competency.Level);
            if (competency.Explanation is { } explanation)
            {
                json.WriteString("explanation", explanation);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteSummary(Utf8JsonWriter json, CredentialSummary summary, ReportContext context)
    {
        json.WriteStartObject("summary");
        json.WriteString("type", summary.Kind);
        json.WriteString("id", summary.Id);
        json.WriteString("name", summary.Name);
        json.WriteString("learner", summary.Learner);
        json.WriteString("issuer", summary.IssuerId);
        json.WriteString("issuerName", summary.IssuerName);
        json.WriteString("issuerTrustedName", summary.TrustedIssuerName);
        WriteDate(json, "validFrom", summary.ValidFrom);
        WriteDate(json, "validUntil", summary.ValidUntil);
        WriteCompetencies(json, "competencies", summary.Competencies);
        json.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } date)
        {
            json.WriteString(name, DateTimeStamp.Format(date));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
