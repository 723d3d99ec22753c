// JSON Canonicalization Scheme, RFC 8785.
// §3.2.1 whitespace: none. §3.2.2.1/2 literals and strings: strings keep their characters; only '"', '\\'
// and U+0000–U+001F are escaped (\b \t \n \f \r, otherwise \u00xx in lowercase hex). Lone surrogates are
// rejected. §3.2.2.3 numbers: IEEE 754 double, serialized as ECMAScript Number.prototype.toString
// (shortest round-trip digits; plain notation for 1e-6 ≤ |v| < 1e21, otherwise d.ddde±x); −0 is "0".
// A literal outside the double range (1e400) is rejected rather than becoming Infinity.
// §3.2.3 property order: by UTF-16 code units, recursively. Output is UTF-8.
using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
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
        var output = new ArrayBufferWriter<byte>(4096);
        Write(output, node);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The canonical bytes of <paramref name="document"/> as if its <c>proof</c> member were removed, its <c>@context</c>
    /// replaced by <paramref name="context"/> (when not null) and its <c>proof</c> set to <paramref name="proof"/> (when not
    /// null) — the unsecured document of Data Integrity, without copying the tree.
    /// </summary>
    internal static byte[] CanonicalizeDocument(JsonObject document, JsonNode? context, JsonNode? proof)
    {
        var members = new List<KeyValuePair<string, JsonNode?>>(document.Count + 1);
        foreach (var member in document)
        {
            if (member.Key == "proof" || (member.Key == "@context" && context is not null))
            {
                continue;
            }
            members.Add(member);
        }
        if (context is not null)
        {
            members.Add(new("@context", context));
        }
        if (proof is not null)
        {
            members.Add(new("proof", proof));
        }
        var output = new ArrayBufferWriter<byte>(4096);
        WriteMembers(output, [.. members]);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Parses UTF-8 JSON within <paramref name="limits"/> and returns its canonical bytes.</summary>
    /// <exception cref="SigningException">The input is not JSON, exceeds a limit, or cannot be canonicalized.</exception>
    public static byte[] Canonicalize(ReadOnlySpan<byte> utf8Json, Limits? limits = null) =>
        Canonicalize(JsonInput.Parse(utf8Json, limits));

    /// <summary>ECMAScript Number.prototype.toString of a finite double (RFC 8785 §3.2.2.3).</summary>
    /// <exception cref="SigningException">The value is NaN or infinite.</exception>
    internal static string SerializeNumber(double value) => EcmaScriptNumber.Format(value);

    private static void Write(ArrayBufferWriter<byte> output, JsonNode? node)
    {
        switch (node)
        {
            case null:
                Ascii(output, "null");
                break;
            case JsonObject obj:
                var members = new KeyValuePair<string, JsonNode?>[obj.Count];
                var i = 0;
                foreach (var member in obj)
                {
                    members[i++] = member;
                }
                WriteMembers(output, members);
                break;
            case JsonArray array:
                Byte(output, (byte)'[');
                for (var j = 0; j < array.Count; j++)
                {
                    if (j > 0)
                    {
                        Byte(output, (byte)',');
                    }
                    Write(output, array[j]);
                }
                Byte(output, (byte)']');
                break;
            case JsonValue value:
                WriteValue(output, value);
                break;
        }
    }

    private static void WriteMembers(ArrayBufferWriter<byte> output, KeyValuePair<string, JsonNode?>[] members)
    {
        Array.Sort(members, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        Byte(output, (byte)'{');
        for (var i = 0; i < members.Length; i++)
        {
            if (i > 0)
            {
                Byte(output, (byte)',');
            }
            WriteString(output, members[i].Key);
            Byte(output, (byte)':');
            Write(output, members[i].Value);
        }
        Byte(output, (byte)'}');
    }

    private static void WriteValue(ArrayBufferWriter<byte> output, JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            WriteElement(output, value, element);
            return;
        }
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(output, ReadString(value));
                break;
            case JsonValueKind.True:
                Ascii(output, "true");
                break;
            case JsonValueKind.False:
                Ascii(output, "false");
                break;
            case JsonValueKind.Null:
                Ascii(output, "null");
                break;
            case JsonValueKind.Number:
                Ascii(output, SerializeNumber(value.TryGetValue<double>(out var d) ? d
                    : ParseDouble(System.Text.Encoding.UTF8.GetBytes(value.ToJsonString()))));
                break;
            default:
                throw new SigningException(SigningError.InvalidJson, "The document holds a value that is not JSON.");
        }
    }

    // A parsed value: its raw UTF-8 is at hand. A string literal without a backslash is already canonical
    // (valid JSON cannot hold raw control characters, quotes or backslashes inside a string), so it is copied as is.
    private static void WriteElement(ArrayBufferWriter<byte> output, JsonValue value, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var raw = JsonMarshal.GetRawUtf8Value(element);
                if (raw.IndexOf((byte)'\\') < 0)
                {
                    output.Write(raw);
                }
                else
                {
                    WriteString(output, ReadString(value));
                }
                break;
            case JsonValueKind.Number:
                Ascii(output, SerializeNumber(ParseDouble(JsonMarshal.GetRawUtf8Value(element))));
                break;
            case JsonValueKind.True:
                Ascii(output, "true");
                break;
            case JsonValueKind.False:
                Ascii(output, "false");
                break;
            case JsonValueKind.Null:
                Ascii(output, "null");
                break;
            default:
                Write(output, JsonNode.Parse(element.GetRawText()));
                break;
        }
    }

    private static double ParseDouble(ReadOnlySpan<byte> raw)
    {
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
        {
            return parsed;
        }
        var text = System.Text.Encoding.UTF8.GetString(raw);
        throw new SigningException(SigningError.UnsupportedNumber,
            $"The number {Shorten(text)} is outside the range of an IEEE 754 double, so it has no canonical form (RFC 8785 §3.2.2.3).");
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
            throw LoneSurrogate(e);
        }
    }

    private static SigningException LoneSurrogate(Exception e) => new(SigningError.InvalidJson,
        "A string in the document holds an unpaired UTF-16 surrogate, which has no canonical form.", e);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static void Byte(ArrayBufferWriter<byte> output, byte b)
    {
        output.GetSpan(1)[0] = b;
        output.Advance(1);
    }

    private static void Ascii(ArrayBufferWriter<byte> output, string text)
    {
        var span = output.GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = (byte)text[i];
        }
        output.Advance(text.Length);
    }

    private static void WriteString(ArrayBufferWriter<byte> output, string text)
    {
        var needsEscape = false;
        foreach (var c in text)
        {
            if (c < ' ' || c == '"' || c == '\\')
            {
                needsEscape = true;
                break;
            }
        }
        var escaped = needsEscape ? Escape(text) : text;
        Byte(output, (byte)'"');
        try
        {
            var span = output.GetSpan(s_strictUtf8.GetMaxByteCount(escaped.Length));
            output.Advance(s_strictUtf8.GetBytes(escaped, span));
        }
        catch (EncoderFallbackException e)
        {
            throw LoneSurrogate(e);
        }
        Byte(output, (byte)'"');
    }

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
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
        return sb.ToString();
    }
}
