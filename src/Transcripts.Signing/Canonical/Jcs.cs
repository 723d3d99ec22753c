// JSON Canonicalization Scheme, RFC 8785.
// §3.2.1 whitespace: none. §3.2.2.1/2 literals and strings: strings keep their characters; only '"', '\\'
// and U+0000–U+001F are escaped (\b \t \n \f \r, otherwise \u00xx in lowercase hex). Lone surrogates are
// rejected. §3.2.2.3 numbers: IEEE 754 double, serialized as ECMAScript Number.prototype.toString
// (shortest round-trip digits; plain notation for 1e-6 ≤ |v| < 1e21, otherwise d.ddde±x); −0 is "0".
// A literal outside the double range (1e400) is rejected rather than becoming Infinity.
// §3.2.3 property order: by UTF-16 code units, recursively. Output is UTF-8.
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Transcripts.Signing.Canonical;

/// <summary>RFC 8785 JSON Canonicalization Scheme (JCS).</summary>
public static class Jcs
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The canonical UTF-8 bytes of <paramref name="node"/> (<see langword="null"/> is the JSON literal).</summary>
    /// <exception cref="SigningException">
    /// A number is outside the IEEE 754 double range (<see cref="SigningError.UnsupportedNumber"/>) or a string holds
    /// a lone surrogate (<see cref="SigningError.InvalidJson"/>).
    /// </exception>
    public static byte[] Canonicalize(JsonNode? node)
    {
        var builder = new StringBuilder(256);
        Write(builder, node);
        try
        {
            return s_strictUtf8.GetBytes(builder.ToString());
        }
        catch (EncoderFallbackException e)
        {
            throw new SigningException(SigningError.InvalidJson,
                "A string in the document holds an unpaired UTF-16 surrogate, which has no canonical form.", e);
        }
    }

    /// <summary>Parses UTF-8 JSON within <paramref name="limits"/> and returns its canonical bytes.</summary>
    /// <exception cref="SigningException">The input is not JSON, exceeds a limit, or cannot be canonicalized.</exception>
    public static byte[] Canonicalize(ReadOnlySpan<byte> utf8Json, Limits? limits = null) =>
        Canonicalize(JsonInput.Parse(utf8Json, limits));

    /// <summary>ECMAScript Number.prototype.toString of a finite double (RFC 8785 §3.2.2.3).</summary>
    /// <exception cref="SigningException">The value is NaN or infinite.</exception>
    internal static string SerializeNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new SigningException(SigningError.UnsupportedNumber,
                "The number is not finite; JSON canonicalization (RFC 8785) accepts only IEEE 754 double values.");
        }
        if (value == 0)
        {
            return "0";
        }
        // "R" on .NET Core 3.0+ gives the shortest digits that round-trip, as ECMAScript requires.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest[0] == '-';
        var text = negative ? shortest.AsSpan(1) : shortest.AsSpan();
        var ePos = text.IndexOfAny('E', 'e');
        var mantissa = ePos < 0 ? text : text[..ePos];
        var exponent = ePos < 0 ? 0 : int.Parse(text[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.');
        var digitsBuilder = new StringBuilder(20);
        var integerDigits = point < 0 ? mantissa.Length : point;
        digitsBuilder.Append(mantissa[..integerDigits]);
        if (point >= 0)
        {
            digitsBuilder.Append(mantissa[(point + 1)..]);
        }
        // Normalize to digits without leading/trailing zeros and n, the position of the decimal point.
        var digits = digitsBuilder.ToString();
        var leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }
        var n = integerDigits - leading + exponent;
        digits = digits[leading..].TrimEnd('0');
        var k = digits.Length;

        var sb = new StringBuilder(32);
        if (negative)
        {
            sb.Append('-');
        }
        if (k <= n && n <= 21)
        {
            sb.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var e = n - 1;
            sb.Append(digits[0]);
            if (k > 1)
            {
                sb.Append('.').Append(digits, 1, k - 1);
            }
            sb.Append('e').Append(e < 0 ? '-' : '+').Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonNode? node)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                WriteObject(sb, obj);
                break;
            case JsonArray array:
                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }
                    Write(sb, array[i]);
                }
                sb.Append(']');
                break;
            case JsonValue value:
                WriteValue(sb, value);
                break;
        }
    }

    private static void WriteObject(StringBuilder sb, JsonObject obj)
    {
        var count = obj.Count;
        var members = new KeyValuePair<string, JsonNode?>[count];
        var i = 0;
        foreach (var member in obj)
        {
            members[i++] = member;
        }
        Array.Sort(members, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        sb.Append('{');
        for (i = 0; i < count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }
            WriteString(sb, members[i].Key);
            sb.Append(':');
            Write(sb, members[i].Value);
        }
        sb.Append('}');
    }

    private static void WriteValue(StringBuilder sb, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(sb, ReadString(value));
                break;
            case JsonValueKind.True:
                sb.Append("true");
                break;
            case JsonValueKind.False:
                sb.Append("false");
                break;
            case JsonValueKind.Null:
                sb.Append("null");
                break;
            case JsonValueKind.Number:
                sb.Append(SerializeNumber(ReadDouble(value)));
                break;
            default:
                throw new SigningException(SigningError.InvalidJson, "The document holds a value that is not JSON.");
        }
    }

    private static double ReadDouble(JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            var raw = element.GetRawText();
            if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
            {
                return parsed;
            }
            throw new SigningException(SigningError.UnsupportedNumber,
                $"The number {Shorten(raw)} is outside the range of an IEEE 754 double, so it has no canonical form (RFC 8785 §3.2.2.3).");
        }
        if (value.TryGetValue<double>(out var d))
        {
            return d;
        }
        return double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static string ReadString(JsonValue value)
    {
        try
        {
            return value.GetValue<string>();
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json refuses to decode an escaped unpaired surrogate.
            throw new SigningException(SigningError.InvalidJson,
                "A string in the document holds an unpaired UTF-16 surrogate, which has no canonical form.", e);
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static void WriteString(StringBuilder sb, string text)
    {
        sb.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case < ' ':
                    sb.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
