using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>
/// A minimal JSON Canonicalization Scheme (RFC 8785) for the lexical form of <c>rdf:JSON</c> literals
/// (JSON-LD 1.1 API §6.2.3 step 7). Kept private to JSON-LD so it can be replaced by the public
/// <c>Canonical.Jcs</c> without changing callers: object members sorted by UTF-16 code units, numbers in
/// ECMAScript form, strings escaped as ECMAScript's JSON.stringify does.
/// </summary>
internal static class CanonicalJsonForRdf
{
    public static string Serialize(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    builder.Append(first ? "" : ",");
                    first = false;
                    WriteString(builder, key);
                    builder.Append(':');
                    Write(builder, value);
                }
                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ",");
                    Write(builder, array[i]);
                }
                builder.Append(']');
                break;
            case JsonValue value:
                WriteValue(builder, value);
                break;
        }
    }

    private static void WriteValue(StringBuilder builder, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(builder, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Number:
                var number = value.TryGetValue(out double d) && double.IsFinite(d) ? d
                    : throw new SigningException(SigningError.UnsupportedNumber, $"The number {value.ToJsonString()} is out of range.");
                builder.Append(FormatNumber(number));
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    // ECMAScript Number::toString (ECMA-262 §6.1.6.1.20) for finite values.
    private static string FormatNumber(double value)
    {
        if (value == 0)
        {
            return "0";
        }
        var (digits, exponent) = RdfLiterals.ShortestDigits(value);
        var sign = value < 0 ? "-" : "";
        var k = digits.Length;
        var n = exponent + 1;
        if (k <= n && n <= 21)
        {
            return sign + digits + new string('0', n - k);
        }
        if (0 < n && n <= 21)
        {
            return sign + digits[..n] + "." + digits[n..];
        }
        if (-6 < n && n <= 0)
        {
            return sign + "0." + new string('0', -n) + digits;
        }
        var e = n - 1;
        var mantissa = k == 1 ? digits : digits[0] + "." + digits[1..];
        return sign + mantissa + "e" + (e < 0 ? "-" : "+") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
    }

    private static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        builder.Append('"');
    }
}
