using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Transcripts.Api.Tests;

/// <summary>JSON Schema validation of issued credentials (JsonSchema.Net 8; 9 and later charge companies a fee).</summary>
public static class SchemaCheck
{
    private static readonly ConcurrentDictionary<string, JsonSchema> s_schemas = new();

    private static readonly EvaluationOptions s_options = new()
    {
        OutputFormat = OutputFormat.List,
        // "format" is only an annotation in draft 2019-09 unless asked for; the schemas' date-time and date formats
        // are part of what OB 3.0 and CLR 2.0 require.
        RequireFormatValidation = true,
    };

    /// <summary>The errors of <paramref name="instance"/> against the schema file, "location: message" one a line; "" when valid.</summary>
    public static string Errors(string schemaFile, JsonNode instance)
    {
        var schema = s_schemas.GetOrAdd(Path.GetFullPath(schemaFile), file => JsonSchema.FromFile(file));
        var results = schema.Evaluate(JsonSerializer.SerializeToElement(instance), s_options);
        if (results.IsValid)
        {
            return "";
        }
        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
            .Distinct()
            .ToList();
        return errors.Count > 0 ? string.Join('\n', errors) : "the instance does not match the schema";
    }
}
