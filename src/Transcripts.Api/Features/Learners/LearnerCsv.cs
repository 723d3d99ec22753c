using System.Globalization;
using System.Net.Mail;

namespace Transcripts.Api.Features.Learners;

/// <summary>One learner as a file describes it.</summary>
internal sealed record LearnerRow(int Line, string Name, string? Email, DateOnly? DateOfBirth, IReadOnlyList<IdentifierDto> Identifiers);

/// <summary>
/// Reads learners from two CSV shapes, found by their header:
/// <list type="bullet">
/// <item>ours: <c>name,identifiers,email,dateOfBirth</c>; identifiers are <c>scheme:value</c> separated by <c>;</c>
/// (a bare value has scheme <c>local</c>); email and date of birth (yyyy-mm-dd) may be empty;</item>
/// <item>OneRoster 1.1 <c>users.csv</c>: rows with role <c>student</c> become learners named givenName familyName,
/// with identifiers <c>oneroster:{sourcedId}</c>, <c>identifier:{identifier}</c> when present, and each <c>{type:id}</c> in userIds.</item>
/// </list>
/// Every bad row is reported with its line and reasons; one bad row rejects the whole file.
/// </summary>
internal static class LearnerCsv
{
    public static (List<LearnerRow> Rows, Dictionary<string, string[]> Errors, int Skipped) Read(
        List<(int Line, List<string> Fields)> csv, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (csv.Count == 0)
        {
            errors["file"] = ["The file is empty."];
            return ([], errors, 0);
        }
        var header = csv[0].Fields.Select((h, i) => (Name: h.Trim(), Index: i))
            .ToDictionary(h => h.Name, h => h.Index, StringComparer.OrdinalIgnoreCase);
        var oneRoster = header.ContainsKey("sourcedId");
        string[] required = oneRoster ? ["sourcedId", "role", "givenName", "familyName"] : ["name", "identifiers"];
        var missing = required.Where(r => !header.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            errors["header"] = [$"The header lacks column(s): {string.Join(", ", missing)}."];
            return ([], errors, 0);
        }
        string Get(List<string> fields, string column) =>
            header.TryGetValue(column, out var i) && i < fields.Count ? fields[i].Trim() : "";

        var rows = new List<LearnerRow>();
        var seen = new Dictionary<(string, string), int>();
        var skipped = 0;
        foreach (var (line, fields) in csv.Skip(1))
        {
            var reasons = new List<string>();
            if (fields.Count != csv[0].Fields.Count)
            {
                reasons.Add($"has {fields.Count} fields; the header has {csv[0].Fields.Count}");
            }
            string name;
            var identifiers = new List<IdentifierDto>();
            if (oneRoster)
            {
                if (!string.Equals(Get(fields, "role"), "student", StringComparison.OrdinalIgnoreCase))
                {
                    skipped++;
                    continue;
                }
                name = $"{Get(fields, "givenName")} {Get(fields, "familyName")}".Trim();
                AddIdentifier(identifiers, "oneroster", Get(fields, "sourcedId"), reasons);
                if (Get(fields, "identifier") is { Length: > 0 } local)
                {
                    AddIdentifier(identifiers, "identifier", local, reasons);
                }
                foreach (var userId in Get(fields, "userIds").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var parts = userId.Trim('{', '}').Split(':', 2);
                    if (parts.Length != 2)
                    {
                        reasons.Add($"userIds entry '{userId}' is not {{type:id}}");
                        continue;
                    }
                    AddIdentifier(identifiers, parts[0], parts[1], reasons);
                }
            }
            else
            {
                name = Get(fields, "name");
                foreach (var entry in Get(fields, "identifiers").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var parts = entry.Split(':', 2);
                    AddIdentifier(identifiers, parts.Length == 2 ? parts[0] : "local", parts[^1], reasons);
                }
                if (identifiers.Count == 0)
                {
                    reasons.Add("has no identifier");
                }
            }
            if (name.Length is 0 or > 300)
            {
                reasons.Add("name is empty or longer than 300 characters");
            }
            var email = Get(fields, "email");
            if (email.Length > 0 && (email.Length > 320 || !MailAddress.TryCreate(email, out _)))
            {
                reasons.Add("email is not an email address");
            }
            DateOnly? dateOfBirth = null;
            var dob = Get(fields, oneRoster ? "birthDate" : "dateOfBirth");
            if (dob.Length > 0)
            {
                if (DateOnly.TryParseExact(dob, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed <= today)
                {
                    dateOfBirth = parsed;
                }
                else
                {
                    reasons.Add("date of birth is not a past date written yyyy-mm-dd");
                }
            }
            foreach (var identifier in identifiers)
            {
                if (seen.TryGetValue((identifier.Scheme, identifier.Value), out var firstLine))
                {
                    reasons.Add($"identifier {identifier.Scheme}:{identifier.Value} also appears on line {firstLine}");
                }
                else
                {
                    seen[(identifier.Scheme, identifier.Value)] = line;
                }
            }
            if (reasons.Count > 0)
            {
                errors[$"line {line}"] = [.. reasons];
                continue;
            }
            rows.Add(new LearnerRow(line, name, email.Length > 0 ? email : null, dateOfBirth, identifiers));
        }
        return (rows, errors, skipped);
    }

    private static void AddIdentifier(List<IdentifierDto> identifiers, string scheme, string value, List<string> reasons)
    {
        scheme = scheme.Trim();
        value = value.Trim();
        if (scheme.Length is 0 or > 100 || !scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') || value.Length is 0 or > 200)
        {
            reasons.Add($"identifier '{scheme}:{value}' is not scheme:value (scheme of letters, digits . _ -; value up to 200 characters)");
            return;
        }
        if (identifiers.Any(i => i.Scheme == scheme))
        {
            reasons.Add($"has two identifiers of scheme {scheme}");
            return;
        }
        identifiers.Add(new IdentifierDto { Scheme = scheme, Value = value });
    }
}
