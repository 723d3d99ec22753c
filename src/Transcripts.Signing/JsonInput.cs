using System.Text.Json;
using System.Text.Json.Nodes;

namespace Transcripts.Signing;

/// <summary>
/// Parses untrusted JSON within <see cref="Limits"/>: size, depth and value count are bounded, and
/// duplicate member names are rejected (two readers could otherwise see two different documents).
/// </summary>
public static class JsonInput
{
    /// <summary>Parses UTF-8 JSON into a mutable node tree.</summary>
    /// <exception cref="SigningException">The input is not JSON, or exceeds a limit.</exception>
    public static JsonNode Parse(ReadOnlySpan<byte> utf8Json, Limits? limits = null)
    {
        limits ??= Limits.Default;
        if (utf8Json.Length > limits.MaxDocumentBytes)
        {
            throw new SigningException(SigningError.DocumentTooLarge,
                $"The document has {utf8Json.Length:N0} bytes; at most {limits.MaxDocumentBytes:N0} are accepted.");
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            // The reader does not check the bytes inside strings; a bad sequence would surface later, far from here.
            throw new SigningException(SigningError.InvalidJson, "The document is not valid UTF-8 text.");
        }
        CountValues(utf8Json, limits);
        try
        {
            return Build(utf8Json, limits)
                ?? throw new SigningException(SigningError.InvalidJson, "The document is the JSON literal null, not an object.");
        }
        catch (JsonException e)
        {
            throw new SigningException(SigningError.InvalidJson, $"The document is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Parses a UTF-16 string of JSON; see <see cref="Parse(ReadOnlySpan{byte}, Limits?)"/>.</summary>
    /// <exception cref="SigningException">The input is not JSON, or exceeds a limit.</exception>
    public static JsonNode Parse(string json, Limits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(System.Text.Encoding.UTF8.GetBytes(json), limits);
    }

    /// <summary>Parses JSON that must be an object, such as a credential.</summary>
    /// <exception cref="SigningException">The input is not a JSON object, or exceeds a limit.</exception>
    public static JsonObject ParseObject(ReadOnlySpan<byte> utf8Json, Limits? limits = null) =>
        Parse(utf8Json, limits) as JsonObject
            ?? throw new SigningException(SigningError.InvalidDocument, "The document must be a JSON object.");

    // Builds the tree in one reader pass with plain string and boolean values, decoded once here rather than on every
    // read, as the values of a tree parsed lazily from a JsonDocument are. Numbers keep their exact literal (5 and 5.0
    // differ for some canonicalizers), and so does a string with an unpaired surrogate escape, which cannot be a .NET
    // string without losing it: canonicalization reports it.
    private static JsonNode? Build(ReadOnlySpan<byte> utf8Json, Limits limits)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions
        {
            MaxDepth = limits.MaxDepth + 1, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false,
        });
        var open = new Stack<JsonNode>();
        string? name = null;
        JsonNode? root = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    JsonNode container = reader.TokenType == JsonTokenType.StartObject ? new JsonObject() : new JsonArray();
                    Attach(container);
                    open.Push(container);
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    open.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    name = TryGetString(ref reader, out var text) ? text
                        : throw new SigningException(SigningError.InvalidJson, "The document has a member name with an unpaired surrogate escape.");
                    break;
                case JsonTokenType.String:
                    Attach(TryGetString(ref reader, out var value) ? JsonValue.Create(value) : JsonNode.Parse(ref reader));
                    break;
                case JsonTokenType.True:
                case JsonTokenType.False:
                    Attach(JsonValue.Create(reader.TokenType == JsonTokenType.True));
                    break;
                case JsonTokenType.Null:
                    Attach(null);
                    break;
                default:
                    Attach(JsonNode.Parse(ref reader));
                    break;
            }
        }
        return root;

        void Attach(JsonNode? node)
        {
            if (open.Count == 0)
            {
                root = node;
            }
            else if (open.Peek() is JsonObject target)
            {
                if (!target.TryAdd(name!, node))
                {
                    throw new SigningException(SigningError.InvalidJson, $"The document has the member name \"{name}\" twice in one object.");
                }
            }
            else
            {
                ((JsonArray)open.Peek()).Add(node);
            }
        }
    }

    // GetString refuses a string whose escapes leave an unpaired surrogate.
    private static bool TryGetString(ref Utf8JsonReader reader, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        try
        {
            value = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = null;
            return false;
        }
    }

    // A reader pass before building nodes: it stops a document of a million tiny values before the
    // tree of a million objects is allocated.
    private static void CountValues(ReadOnlySpan<byte> utf8Json, Limits limits)
    {
        // The reader is allowed one level more than the limit so that nesting too deep is reported
        // here, by name, rather than as the reader's generic syntax error.
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1 });
        var count = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray
                    && reader.CurrentDepth >= limits.MaxDepth)
                {
                    throw new SigningException(SigningError.DocumentTooDeep,
                        $"The document nests deeper than {limits.MaxDepth} levels.");
                }
                if (reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray or JsonTokenType.PropertyName)
                    && ++count > limits.MaxNodes)
                {
                    throw new SigningException(SigningError.DocumentTooComplex,
                        $"The document has more than {limits.MaxNodes:N0} values.");
                }
            }
        }
        catch (JsonException e)
        {
            throw new SigningException(SigningError.InvalidJson, $"The document is not valid JSON: {e.Message}", e);
        }
    }
}
