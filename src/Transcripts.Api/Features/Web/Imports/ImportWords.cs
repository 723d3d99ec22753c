using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Imports;

/// <summary>An import preview's terms in a registrar's words.</summary>
internal static class ImportWords
{
    public static string What(ChangeKind kind, IReadOnlyList<string> fields) => kind switch
    {
        ChangeKind.New => "New",
        ChangeKind.Updated => "Changes its " + string.Join(", ", fields.Select(Field)),
        _ => "No change",
    };

    public static string Field(string field) => field switch
    {
        "dateOfBirth" => "date of birth",
        "email" => "e-mail address",
        "fullStatement" => "statement",
        "humanCode" => "human-readable code",
        "abbreviatedStatement" => "short statement",
        "itemType" => "item type",
        "listOrder" => "order",
        "parentId" => "place in the hierarchy",
        "caseVersion" => "version",
        "scaleId" => "scale",
        "masteryLevelId" => "mastery level",
        _ => field,
    };

    public static string Kind(string kind) => kind switch
    {
        "framework" => "Framework",
        "scale" => "Scale",
        _ => "Competency",
    };

    /// <summary>Where a problem is: a line of a CSV file, a JSON path of a package, or the whole file.</summary>
    public static string Where(string key) => key switch
    {
        "" or "file" or "$" => "The file",
        "header" => "The header line",
        _ when key.StartsWith("line ", StringComparison.Ordinal) => "Line " + key[5..],
        _ => key,
    };
}
