using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Transcripts.Signing.Verification;
using UglyToad.PdfPig;

namespace Transcripts.Verifier.Checking;

/// <summary>
/// The second line of defence for a PDF printed before transcripts were signed as documents: the page text (PdfPig,
/// words with their positions) is compared with the signed credential — learner name, transcript id, issue date, each
/// competency and, on the competency's own table row, its level. Every difference is listed; a page that says
/// something the credential does not is a failure, a page whose text cannot be read is "cannot tell".
/// </summary>
internal static partial class PageTextChecker
{
    public const string Name = "page text";

    // The renderers of the service's templates print dates in one of these (invariant culture).
    private static readonly string[] s_dateFormats = ["yyyy-MM-dd", "d MMMM yyyy", "MMMM d, yyyy", "dd/MM/yyyy", "MM/dd/yyyy", "d.M.yyyy", "dd.MM.yyyy"];

    /// <summary>What a transcript credential states that its page prints.</summary>
    internal sealed record Claims(string? Learner, string? TranscriptId, DateOnly? IssueDate, IReadOnlyList<(string Code, string Level)> Competencies,
                                  IReadOnlySet<string> LevelNames);

    private sealed record Line(int Page, double Baseline, double Top, double Bottom, string Text);

    public static Check Check(byte[] pdf, JsonObject credential)
    {
        List<Line> lines;
        try
        {
            lines = ReadLines(pdf);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new(Name, CheckStatus.Unknown, "The PDF has no document signature and its page text could not be read, so nobody can tell whether the page says what the credential does.");
        }
        if (lines.Count == 0)
        {
            return new(Name, CheckStatus.Unknown, "The PDF has no document signature and its pages hold no readable text (a scan or an image), so the page could not be compared with the credential.");
        }
        var claims = Read(credential);
        var all = Collapse(string.Join(' ', lines.Select(l => l.Text)));
        var differences = new List<string>();
        if (claims.Learner is { Length: > 0 } learner && !all.Contains(Collapse(learner), StringComparison.Ordinal))
        {
            differences.Add($"the page does not show the learner's name \"{learner}\"");
        }
        if (claims.TranscriptId is { Length: > 0 } id && !all.Contains(id, StringComparison.OrdinalIgnoreCase))
        {
            differences.Add($"the page does not show the transcript id {id}");
        }
        foreach (Match other in UuidPattern().Matches(all))
        {
            if (claims.TranscriptId is not null && !other.Value.Equals(claims.TranscriptId, StringComparison.OrdinalIgnoreCase))
            {
                differences.Add($"the page names the transcript {other.Value}, the credential is {claims.TranscriptId}");
            }
        }
        if (claims.IssueDate is { } date && !s_dateFormats.Any(f => all.Contains(date.ToString(f, CultureInfo.InvariantCulture), StringComparison.Ordinal)))
        {
            differences.Add($"the page does not show the issue date {date:yyyy-MM-dd}");
        }
        foreach (var (code, level) in claims.Competencies)
        {
            var rows = lines.Where(l => HasWord(l.Text, code)).ToList();
            if (rows.Count == 0)
            {
                differences.Add($"the page does not show the competency {code}");
                continue;
            }
            // The row's first line: every word whose vertical middle lies within the code's line, overlays included.
            var shown = rows.SelectMany(r => lines.Where(l => l.Page == r.Page && (l.Top + l.Bottom) / 2 <= r.Top && (l.Top + l.Bottom) / 2 >= r.Bottom))
                .SelectMany(l => claims.LevelNames.Where(n => HasWord(l.Text, n))).Distinct(StringComparer.Ordinal).ToList();
            var others = shown.Where(n => n != level).ToList();
            if (others.Count > 0)
            {
                differences.Add($"the page shows {code} at the level {string.Join(" and ", others)}{(shown.Contains(level) ? $" as well as {level}" : "")}; the credential says {level}");
            }
            else if (!shown.Contains(level) && level.Length > 0)
            {
                differences.Add($"the page does not show the level {level} for {code}");
            }
        }
        return differences.Count == 0
            ? new(Name, CheckStatus.Passed, $"The PDF has no document signature (it was printed before transcripts were signed), so its page text was compared with the signed credential: learner, transcript id, issue date and {claims.Competencies.Count} competencies with their levels agree.")
            : new(Name, CheckStatus.Failed, "The page says what the signed credential does not: " + string.Join("; ", differences) + ".");
    }

    private static List<Line> ReadLines(byte[] pdf)
    {
        var lines = new List<Line>();
        // Strict parsing: lenient mode's recovery searches take seconds on a damaged file, and a page that cannot be read
        // strictly is "cannot tell" anyway.
        using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = false, SkipMissingFonts = true });
        foreach (var page in document.GetPages())
        {
            foreach (var group in page.GetWords().GroupBy(w => Math.Round(w.BoundingBox.Bottom / 2)).OrderByDescending(g => g.Key))
            {
                var words = group.OrderBy(w => w.BoundingBox.Left).ToList();
                lines.Add(new Line(page.Number, group.Key * 2, words.Max(w => w.BoundingBox.Top), words.Min(w => w.BoundingBox.Bottom),
                    string.Join(' ', words.Select(w => w.Text))));
            }
        }
        return lines;
    }

    /// <summary>Reads the claims of a CLR transcript (or a single achievement credential).</summary>
    internal static Claims Read(JsonObject credential)
    {
        var subject = credential["credentialSubject"] as JsonObject;
        var learner = (subject?["identifier"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(i => Text(i["identityType"]) == "name") is { } identity ? Text(identity["identityHash"]) : Text(subject?["name"]);
        var id = Text(credential["id"]) is { } urn && urn.StartsWith("urn:uuid:", StringComparison.Ordinal) ? urn["urn:uuid:".Length..] : Text(credential["id"]);
        DateOnly? issued = DateTimeOffset.TryParse(Text(credential["validFrom"]), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? DateOnly.FromDateTime(at.UtcDateTime) : null;
        var badges = subject?["verifiableCredential"] is JsonArray embedded ? embedded.OfType<JsonObject>().ToList() : [credential];
        var competencies = new List<(string, string)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var badge in badges)
        {
            var achievement = badge["credentialSubject"]?["achievement"] as JsonObject;
            var levels = (achievement?["resultDescription"] as JsonArray ?? []).OfType<JsonObject>()
                .SelectMany(r => (r["rubricCriterionLevel"] as JsonArray ?? []).OfType<JsonObject>()).ToList();
            foreach (var level in levels)
            {
                if (Text(level["name"]) is { Length: > 0 } n)
                {
                    names.Add(n);
                }
            }
            var achieved = (badge["credentialSubject"]?["result"] as JsonArray ?? []).OfType<JsonObject>().Select(r => Text(r["achievedLevel"])).FirstOrDefault();
            var levelName = levels.FirstOrDefault(l => Text(l["id"]) == achieved) is { } reached ? Text(reached["name"]) ?? "" : "";
            if (Text(achievement?["humanCode"]) is { Length: > 0 } code)
            {
                competencies.Add((code, levelName));
            }
        }
        return new Claims(learner, id, issued, competencies, names);
    }

    private static bool HasWord(string line, string phrase)
    {
        for (var at = line.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = line.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            var end = at + phrase.Length;
            if ((at == 0 || !char.IsLetterOrDigit(line[at - 1])) && (end == line.Length || !char.IsLetterOrDigit(line[end])))
            {
                return true;
            }
        }
        return false;
    }

    private static string Collapse(string text) => WhiteSpace().Replace(text.Normalize(), " ");

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex UuidPattern();
}
