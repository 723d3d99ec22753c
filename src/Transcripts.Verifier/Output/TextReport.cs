using System.Globalization;
using Spectre.Console;
using Transcripts.Signing.Verification;
using Transcripts.Verifier.Checking;

namespace Transcripts.Verifier.Output;

/// <summary>
/// The report for a person: a table of every check with its outcome and reason, then what the credential says.
/// Written through Spectre.Console over the injected writer; plain ASCII and no colour unless it is a terminal.
/// </summary>
internal sealed class TextReport(IAnsiConsole console)
{
    public static IAnsiConsole CreateConsole(TextWriter writer, bool isTerminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Capabilities.Unicode = isTerminal;
        if (!isTerminal)
        {
            console.Profile.Width = 132;
        }
        return console;
    }

    public void Write(InputResult result)
    {
        console.Write(Heading(result.Source));
        console.WriteLine($"{result.Kind}: {Verdicts.Word(result.Verdict).ToUpperInvariant()}");
        if (result.Error is not null)
        {
            console.WriteLine(result.Error);
            console.WriteLine();
            return;
        }
        var checks = NewTable().AddColumn("Check").AddColumn("Result").AddColumn("Reason");
        foreach (var check in result.Checks)
        {
            checks.AddRow(new Text(check.Name), Outcome(check.Status), new Text(check.Reason));
        }
        console.Write(checks);
        if (result.Summary is { } summary)
        {
            WriteSummary(summary);
        }
        if (result.Qr is { } qr)
        {
            WriteQr(qr);
        }
        if (result.Credentials.Count > 0)
        {
            console.WriteLine();
            console.WriteLine($"Credentials inside ({result.Credentials.Count}):");
            var parts = NewTable().AddColumn("#").AddColumn("Credential").AddColumn("Verdict").AddColumn("Reason");
            foreach (var (part, index) in result.Credentials.Select((p, i) => (p, i + 1)))
            {
                var label = (part.Summary is { Competencies.Count: > 0 } s ? s.Competencies[0].Name : null) ?? part.Summary?.Name ?? part.Kind;
                parts.AddRow(new Text(index.ToString(CultureInfo.InvariantCulture)), new Text(label),
                             new Text(Verdicts.Word(part.Verdict)), new Text(Verdicts.MainReason(part)));
            }
            console.Write(parts);
        }
        console.WriteLine();
    }

    public void WriteSummaryTable(string folder, IReadOnlyList<InputResult> results)
    {
        console.Write(Heading(folder));
        var table = NewTable().AddColumn("File").AddColumn("Kind").AddColumn("Verdict").AddColumn("Reason");
        foreach (var result in results)
        {
            table.AddRow(new Text(Path.GetFileName(result.Source)), new Text(result.Kind), new Text(Verdicts.Word(result.Verdict)),
                         new Text(Verdicts.MainReason(result)));
        }
        console.Write(table);
        var counts = results.GroupBy(r => r.Verdict).OrderBy(g => g.Key).Select(g => $"{g.Count():N0} {Verdicts.Word(g.Key)}");
        console.WriteLine($"{results.Count:N0} files: {string.Join(", ", counts)}.");
        console.WriteLine();
    }

    private void WriteSummary(CredentialSummary summary)
    {
        var grid = new Grid().AddColumn().AddColumn();
        Row(grid, "Learner", summary.Learner);
        Row(grid, "Issuer", summary.TrustedIssuerName is { } known ? $"{known} ({summary.IssuerId}), as your trust store names it"
            : $"{summary.IssuerId}, not in your trust store{(summary.IssuerName is null ? "" : $" (it calls itself \"{summary.IssuerName}\")")}");
        Row(grid, "Credential", summary.Name is null ? summary.Id : $"{summary.Name} ({summary.Id})");
        Row(grid, "Issued", Show(summary.ValidFrom));
        Row(grid, "Valid until", summary.ValidUntil is null ? "does not expire" : Show(summary.ValidUntil));
        console.WriteLine();
        console.Write(grid);
        if (summary.Competencies.Count > 0)
        {
            var table = NewTable().AddColumn("Competency").AddColumn("Level");
            foreach (var competency in summary.Competencies)
            {
                table.AddRow(new Text(competency.Name), new Text(competency.Level ?? "—"));
            }
            console.Write(table);
        }
    }

    private void WriteQr(QrClaims qr)
    {
        console.WriteLine();
        console.WriteLine($"What the QR token ({qr.ReadFrom}) claims — compare it with the paper transcript:");
        var grid = new Grid().AddColumn().AddColumn();
        Row(grid, "Learner", qr.LearnerName);
        Row(grid, "Issue date", qr.IssueDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture));
        Row(grid, "Transcript", qr.CredentialId);
        Row(grid, "Issuer", qr.IssuerName is null ? qr.Issuer : $"{qr.IssuerName} ({qr.Issuer})");
        Row(grid, "Signed with", qr.VerificationMethod);
        Row(grid, "Credential SHA-256", qr.CredentialSha256);
        console.Write(grid);
    }

    /// <summary>A table with box drawing on a terminal and plain ASCII elsewhere (files, e-mail, logs).</summary>
    public Table NewTable() => new Table().Border(console.Profile.Capabilities.Unicode ? TableBorder.Rounded : TableBorder.Ascii);

    private Rule Heading(string title) => new Rule($"[bold]{Markup.Escape(title)}[/]")
    {
        Justification = Justify.Left,
        Border = console.Profile.Capabilities.Unicode ? BoxBorder.Square : BoxBorder.Ascii,
    };

    private static void Row(Grid grid, string label, string? value) => grid.AddRow(new Text(label + ":"), new Text(value ?? "—"));

    private static string Show(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "—";

    private static Text Outcome(CheckStatus status) => new Text(Verdicts.Word(status), status switch
    {
        CheckStatus.Passed => new Style(Color.Green),
        CheckStatus.Failed => new Style(Color.Red, decoration: Decoration.Bold),
        _ => new Style(Color.Yellow),
    });
}
