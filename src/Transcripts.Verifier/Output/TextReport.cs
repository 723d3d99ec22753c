using System.Globalization;
using System.Text;
using Transcripts.Signing.Verification;
using Transcripts.Verifier.Checking;

namespace Transcripts.Verifier.Output;

/// <summary>
/// The report for a person, built to be read in ten seconds: the verdict in one sentence first, then the checks, then
/// what the credential says. Plain text over the injected writer (ASCII, no colour) unless it is a terminal. Text
/// taken from inputs is written with control characters replaced, so a file cannot drive the reader's terminal.
/// </summary>
internal sealed class TextReport(TextWriter writer, bool isTerminal, ReportContext context)
{
    /// <summary>The width of the report when it is not a terminal (a file, a pipe, an e-mail).</summary>
    public const int FileWidth = 132;

    private readonly int _width = isTerminal ? TerminalWidth() : FileWidth;

    public void Write(InputResult result)
    {
        var text = new StringBuilder();
        Heading(text, result.Source);
        foreach (var line in PlainTable.Wrap(Clean(Verdicts.Sentence(result, context)), _width))
        {
            text.Append(Colour(line, result.Verdict)).Append('\n');
        }
        if (result.Error is null)
        {
            var (all, failed) = (result.Checks.Count, result.Checks.Count(c => c.Status != CheckStatus.Passed));
            var tally = failed == 0 ? (all == 1 ? "its one check passed" : $"all {all} checks passed") : $"{failed} of {Count(all, "check")} did not pass";
            text.Append(Clean($"{result.Kind}: {Verdicts.Word(result.Verdict).ToUpperInvariant()}, {tally}:")).Append('\n');
            var checks = new PlainTable("Check", "Result", "Reason");
            foreach (var check in result.Checks)
            {
                checks.Add((Clean(check.Name), null), (Verdicts.Word(check.Status), Colour(check.Status)), (Clean(Reason(check, result)), null));
            }
            checks.WriteTo(text, _width, isTerminal);
            if (result.Summary is { } summary)
            {
                WriteSummary(text, summary);
            }
            if (result.Qr is { } qr)
            {
                ScanReport.Write(text, result, qr, context, _width, isTerminal);
            }
            WriteParts(text, result);
        }
        text.Append('\n');
        writer.Write(text.ToString());
    }

    /// <summary>A folder: the count of each verdict first, then one row a file with its main reason.</summary>
    public void WriteFolder(string folder, IReadOnlyList<InputResult> results)
    {
        var text = new StringBuilder(128 * (results.Count + 8));
        Heading(text, folder);
        var counts = results.GroupBy(r => r.Verdict).OrderBy(g => g.Key).Select(g => $"{g.Count():N0} {Verdicts.Word(g.Key)}");
        text.Append(Clean($"{results.Count:N0} files: {string.Join(", ", counts)}.")).Append('\n');
        var table = new PlainTable("File", "Kind", "Verdict", "Reason");
        foreach (var result in results)
        {
            table.Add((Clean(Path.GetFileName(result.Source)), null), (Clean(result.Kind), null),
                      (Verdicts.Word(result.Verdict), Colour(result.Verdict)),
                      (result.Verdict == Verdict.Valid ? "" : Clean(Verdicts.MainReason(result)), null));
        }
        table.WriteTo(text, _width, isTerminal);
        text.Append('\n');
        writer.Write(text.ToString());
    }

    private void WriteSummary(StringBuilder text, CredentialSummary summary)
    {
        text.Append('\n');
        Field(text, "Learner", summary.Learner);
        var trusted = Verdicts.TrustedName(summary, context);
        Field(text, "Issuer", Verdicts.Issuer(summary.IssuerId, summary.IssuerName, trusted, withDid: true));
        Field(text, "Credential", summary.Name is null ? summary.Id : $"{summary.Name} ({summary.Id})");
        Field(text, "Issued", Show(summary.ValidFrom));
        Field(text, "Valid until", summary.ValidUntil is null ? "does not expire" : Show(summary.ValidUntil));
        if (summary.Competencies.Count > 0)
        {
            var table = new PlainTable("Competency", "Level");
            foreach (var competency in summary.Competencies)
            {
                table.Add(Clean(competency.Name), Clean(competency.Level ?? "—"));
            }
            table.WriteTo(text, _width, isTerminal);
            foreach (var competency in summary.Competencies.Where(c => c.Explanation is not null))
            {
                text.Append("How \"").Append(Clean(competency.Name)).Append("\" was reached (the issuer's explanation): ")
                    .Append(Clean(competency.Explanation!)).Append('\n');
            }
        }
    }

    // The credentials inside a CLR or presentation, grouped by verdict and reason: a reason they share is said once.
    private void WriteParts(StringBuilder text, InputResult parent)
    {
        var parts = parent.Credentials;
        if (parts.Count == 0)
        {
            return;
        }
        var groups = parts.Select((p, i) => (Part: p, Number: i + 1))
            .GroupBy(x => (x.Part.Verdict, Reason: x.Part.Verdict == Verdict.Valid ? "" : Verdicts.MainReason(x.Part)))
            .OrderBy(g => g.Key.Verdict switch { Verdict.Invalid => 0, Verdict.Unreadable => 1, Verdict.CannotTell => 2, _ => 3 })
            .ToList();
        var counts = parts.GroupBy(p => p.Verdict).OrderBy(g => g.Key).Select(g => $"{g.Count():N0} {Verdicts.Word(g.Key)}");
        text.Append('\n').Append($"Credentials inside ({parts.Count:N0}): {string.Join(", ", counts)}.").Append('\n');
        if (groups.Count == 1 && groups[0].Key.Verdict == Verdict.Valid)
        {
            return;
        }
        var table = new PlainTable("Credentials", "Verdict", "Reason");
        foreach (var group in groups)
        {
            var names = string.Join(", ", group.Select(x => $"{x.Number} {Label(x.Part)}"));
            // A reason the container's own check already gave (its status list, say) is pointed to, not repeated.
            var same = parent.Checks.FirstOrDefault(c => c.Status != CheckStatus.Passed && $"{c.Name}: {c.Reason}" == group.Key.Reason);
            var reason = group.Key.Verdict == Verdict.Valid ? "" : same is not null ? $"the same as the {same.Name} check above" : group.Key.Reason;
            table.Add((Clean(names), null), (Verdicts.Word(group.Key.Verdict), Colour(group.Key.Verdict)), (Clean(reason), null));
        }
        table.WriteTo(text, _width, isTerminal);
    }

    // The check over the credentials inside names their first problem (in JSON too); here the grouped list below gives
    // every distinct reason once, so the row only counts.
    private static string Reason(Check check, InputResult result)
    {
        if (check.Status == CheckStatus.Passed || result.Credentials.Count == 0
            || check.Name is not (CredentialChecker.EmbeddedCredentials or InputVerifier.PresentedCredentials))
        {
            return check.Reason;
        }
        var failed = result.Credentials.Count(p => p.Verdict is Verdict.Invalid or Verdict.Unreadable);
        var unsure = result.Credentials.Count(p => p.Verdict == Verdict.CannotTell);
        var tally = failed > 0 ? $"{failed:N0} failed" + (unsure > 0 ? $" and {unsure:N0} could not be fully checked" : "") : $"{unsure:N0} could not be fully checked";
        return $"Of the {Count(result.Credentials.Count, "credential")} inside, {tally}: see the list below.";
    }

    private static string Label(InputResult part) =>
        (part.Summary is { Competencies.Count: > 0 } s ? s.Competencies[0].Name : null) ?? part.Summary?.Name ?? part.Kind;

    private void Heading(StringBuilder text, string title)
    {
        var line = isTerminal ? '─' : '-';
        var head = $"{line}{line} {Clean(title)} ";
        text.Append(isTerminal ? Ansi.Bold + head + Ansi.Reset : head)
            .Append(line, Math.Max(3, _width - PlainTable.Width(head))).Append('\n');
    }

    /// <summary>A "Label:  value" line, the values aligned.</summary>
    public static void Field(StringBuilder text, string label, string? value) =>
        text.Append((label + ":").PadRight(20)).Append(Clean(value ?? "—")).Append('\n');

    private string Colour(string sentence, Verdict verdict) =>
        isTerminal && Colour(verdict) is { } colour ? colour + Clean(sentence) + Ansi.Reset : Clean(sentence);

    private string? Colour(Verdict verdict) => !isTerminal ? null : verdict switch
    {
        Verdict.Valid => Ansi.Green,
        Verdict.Invalid or Verdict.Unreadable => Ansi.Red,
        _ => Ansi.Yellow,
    };

    private string? Colour(CheckStatus status) => !isTerminal ? null : status switch
    {
        CheckStatus.Passed => Ansi.Green,
        CheckStatus.Failed => Ansi.Red,
        _ => Ansi.Yellow,
    };

    /// <summary>Untrusted text with control characters (escape sequences, line breaks that could fake a line) shown as '?'.</summary>
    public static string Clean(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001f') && !text.AsSpan().ContainsAnyInRange('\u007f', '\u009f'))
        {
            return text;
        }
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            clean.Append(char.IsControl(c) ? '?' : c);
        }
        return clean.ToString();
    }

    private static string Show(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "—";

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n:N0} {what}s";

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth is > 40 and var width ? Math.Min(width, 200) : FileWidth;
        }
        catch (IOException)
        {
            return FileWidth;
        }
    }
}
