using System.Globalization;
using System.Text.Json;

namespace Transcripts.Api.Features.Frameworks;

/// <summary>
/// A 1EdTech CASE CFPackage (1.0 and 1.1 shapes: the package object itself, or wrapped in <c>CFPackage</c>),
/// read and checked whole. Every problem is reported against the JSON path of the offending item, such as
/// <c>CFItems[3].fullStatement</c>; one problem rejects the package.
/// </summary>
internal sealed record CasePackage(CaseDocument Document, IReadOnlyList<CaseItem> Items, IReadOnlyList<CaseRubric> Rubrics)
{
    public static (CasePackage? Package, Dictionary<string, string[]> Errors) Read(JsonElement root)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string path, string message) => errors[path] = errors.TryGetValue(path, out var list) ? [.. list, message] : [message];

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("CFPackage", out var wrapped))
        {
            root = wrapped;
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            Error("$", "A CFPackage is a JSON object.");
            return (null, errors);
        }
        CaseDocument? document = null;
        if (!root.TryGetProperty("CFDocument", out var doc) || doc.ValueKind != JsonValueKind.Object)
        {
            Error("CFDocument", "The package has no CFDocument object.");
        }
        else
        {
            var id = RequiredString(doc, "identifier", "CFDocument", Error);
            var title = RequiredString(doc, "title", "CFDocument", Error);
            if (id is not null && title is not null)
            {
                document = new CaseDocument(id, title, OptionalString(doc, "creator"), OptionalString(doc, "description"),
                    OptionalString(doc, "version"));
            }
        }

        var items = new List<CaseItem>();
        var itemIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, path) in Array(root, "CFItems", required: true, Error))
        {
            var id = RequiredString(item, "identifier", path, Error);
            var statement = RequiredString(item, "fullStatement", path, Error);
            if (id is not null && !itemIds.Add(id))
            {
                Error(path + ".identifier", $"Identifier {id} appears more than once in CFItems.");
            }
            if (id is not null && statement is not null)
            {
                items.Add(new CaseItem(id, statement, OptionalString(item, "humanCodingScheme"), OptionalString(item, "abbreviatedStatement"),
                    OptionalString(item, "CFItemType"), null, items.Count));
            }
        }

        var parents = new Dictionary<string, (string Parent, int Order)>(StringComparer.Ordinal);
        foreach (var (association, path) in Array(root, "CFAssociations", required: false, Error))
        {
            var type = RequiredString(association, "associationType", path, Error);
            var origin = NodeIdentifier(association, "originNodeURI", path, Error);
            var destination = NodeIdentifier(association, "destinationNodeURI", path, Error);
            if (type != "isChildOf" || origin is null || destination is null)
            {
                continue;
            }
            if (!itemIds.Contains(origin))
            {
                Error(path + ".originNodeURI.identifier", $"isChildOf from {origin}, which is not a CFItem of this package.");
            }
            else if (!itemIds.Contains(destination) && destination != document?.Identifier)
            {
                Error(path + ".destinationNodeURI.identifier", $"isChildOf to {destination}, which is neither the CFDocument nor a CFItem of this package.");
            }
            else if (!parents.ContainsKey(origin))
            {
                var order = association.TryGetProperty("sequenceNumber", out var seq) && seq.ValueKind == JsonValueKind.Number
                    && seq.TryGetInt32(out var n) ? n : int.MaxValue;
                parents[origin] = (destination, order);
            }
        }
        foreach (var origin in parents.Keys)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { origin };
            for (var at = origin; parents.TryGetValue(at, out var parent) && itemIds.Contains(parent.Parent); at = parent.Parent)
            {
                if (!seen.Add(parent.Parent))
                {
                    Error("CFAssociations", $"The isChildOf associations make a cycle through {origin}.");
                    break;
                }
            }
        }

        var rubrics = new List<CaseRubric>();
        foreach (var (rubric, path) in Array(root, "CFRubrics", required: false, Error))
        {
            var id = RequiredString(rubric, "identifier", path, Error);
            var title = OptionalString(rubric, "title") ?? OptionalString(rubric, "description");
            var levels = new List<CaseLevel>();
            var criteria = Array(rubric, "CFRubricCriteria", required: true, Error, path).ToList();
            if (criteria.Count > 0)
            {
                foreach (var (level, levelPath) in Array(criteria[0].Element, "CFRubricCriterionLevels", required: true, Error, criteria[0].Path))
                {
                    var levelId = RequiredString(level, "identifier", levelPath, Error);
                    var quality = OptionalString(level, "quality") ?? OptionalString(level, "description");
                    if (quality is null)
                    {
                        Error(levelPath + ".quality", "A rubric level needs a quality or a description.");
                    }
                    var score = level.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : (double?)null;
                    var position = level.TryGetProperty("position", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : levels.Count;
                    if (levelId is not null && quality is not null)
                    {
                        levels.Add(new CaseLevel(levelId, quality, OptionalString(level, "description"), score, position));
                    }
                }
                if (levels.Count == 0)
                {
                    Error(criteria[0].Path + ".CFRubricCriterionLevels", "A rubric needs at least one level.");
                }
            }
            if (id is not null)
            {
                rubrics.Add(new CaseRubric(id, title ?? id, levels));
            }
        }

        if (errors.Count > 0 || document is null)
        {
            return (null, errors);
        }
        var ordered = items.Select(i => parents.TryGetValue(i.Identifier, out var p)
            ? i with { ParentIdentifier = itemIds.Contains(p.Parent) ? p.Parent : null, Order = p.Order == int.MaxValue ? i.Order : p.Order }
            : i).ToList();
        return (new CasePackage(document, ordered, rubrics), errors);
    }

    private static IEnumerable<(JsonElement Element, string Path)> Array(JsonElement parent, string name, bool required,
        Action<string, string> error, string? parentPath = null)
    {
        var path = parentPath is null ? name : parentPath + "." + name;
        if (!parent.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                error(path, $"{name} is missing.");
            }
            yield break;
        }
        if (array.ValueKind != JsonValueKind.Array)
        {
            error(path, $"{name} is an array.");
            yield break;
        }
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]");
            if (element.ValueKind != JsonValueKind.Object)
            {
                error(at, "Each entry is an object.");
                continue;
            }
            yield return (element, at);
        }
    }

    private static string? RequiredString(JsonElement element, string name, string path, Action<string, string> error)
    {
        if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            return value.GetString();
        }
        error(path + "." + name, $"{name} is required and must be a non-empty string.");
        return null;
    }

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString() : null;

    private static string? NodeIdentifier(JsonElement association, string name, string path, Action<string, string> error)
    {
        if (association.TryGetProperty(name, out var node) && node.ValueKind == JsonValueKind.Object)
        {
            return RequiredString(node, "identifier", path + "." + name, error);
        }
        error(path + "." + name, $"{name} is required and must be an object with an identifier.");
        return null;
    }
}

internal sealed record CaseDocument(string Identifier, string Title, string? Creator, string? Description, string? Version);

internal sealed record CaseItem(string Identifier, string FullStatement, string? HumanCode, string? Abbreviated, string? ItemType,
    string? ParentIdentifier, int Order);

internal sealed record CaseRubric(string Identifier, string Title, IReadOnlyList<CaseLevel> Levels);

internal sealed record CaseLevel(string Identifier, string Quality, string? Description, double? Score, int Position);
