using System.Globalization;
using System.Text.Json.Nodes;
using Transcripts.Signing.Canonical.Rdf;
using static Transcripts.Signing.Canonical.JsonLd.JsonLdNodes;

namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>
/// The literal part of JSON-LD 1.1 API §6.2.3 Object to RDF Conversion: native booleans and numbers in their
/// XSD canonical forms (xsd:double as <c>1.1E0</c>), <c>@json</c> values as canonical JSON (rdf:JSON), and
/// base direction as an i18n datatype or (flagged for the caller) a compound literal.
/// </summary>
internal static class RdfLiterals
{
    private const string Xsd = "http://www.w3.org/2001/XMLSchema#";
    private const string XsdDouble = Xsd + "double";
    private const string RdfJson = "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON";
    private const string I18n = "https://www.w3.org/ns/i18n#";

    /// <summary>The entries of a value object that make its literal, read in one pass over the object.</summary>
    internal readonly record struct ValueParts(JsonNode? Value, string? Datatype, string? Language, string? Direction)
    {
        public static ValueParts Of(JsonObject obj)
        {
            JsonNode? value = null;
            string? datatype = null, language = null, direction = null;
            foreach (var (key, node) in obj)
            {
                switch (key)
                {
                    case "@value": value = node; break;
                    case "@type": datatype = AsString(node); break;
                    case "@language": language = AsString(node); break;
                    case "@direction": direction = AsString(node); break;
                }
            }
            return new ValueParts(value, datatype, language, direction);
        }
    }

    /// <summary>
    /// The literal for a value object (its <paramref name="parts"/>), or null with a reason when the spec says to skip it
    /// (a relative datatype IRI, a malformed language tag).
    /// </summary>
    public static Literal? FromValueObject(ValueParts parts, string? rdfDirection, out bool isCompound, out string? problem)
    {
        isCompound = false;
        problem = null;
        var value = parts.Value;
        var datatype = parts.Datatype;
        var language = parts.Language;
        if (datatype is not null && datatype != "@json" && !Iris.IsWellFormedAbsolute(datatype))
        {
            problem = $"the datatype {datatype} is not an absolute IRI";
            return null;
        }
        if (language is not null && !IsWellFormedLanguage(language))
        {
            problem = $"the language tag {language} is not well-formed";
            return null;
        }
        string lexical;
        if (datatype == "@json")
        {
            lexical = CanonicalJsonForRdf.Serialize(value);
            datatype = RdfJson;
        }
        else if (IsBool(value, out var boolean))
        {
            lexical = boolean ? "true" : "false";
            datatype ??= Xsd + "boolean";
        }
        else if (IsNumber(value))
        {
            var number = ((JsonValue)value!).TryGetValue(out double d) && double.IsFinite(d) ? d
                : throw new SigningException(SigningError.UnsupportedNumber, $"The number {value!.ToJsonString()} is out of range.");
            if (number % 1 != 0 || datatype == XsdDouble || Math.Abs(number) >= 1e21)
            {
                lexical = FormatDouble(number);
                datatype ??= XsdDouble;
            }
            else
            {
                lexical = number == 0 ? "0" : number.ToString("F0", CultureInfo.InvariantCulture);
                datatype ??= Xsd + "integer";
            }
        }
        else
        {
            lexical = AsString(value) ?? "";
        }
        if (parts.Direction is { } direction && rdfDirection is not null)
        {
            if (rdfDirection == "i18n-datatype")
            {
                return new Literal(lexical, I18n + (language ?? "").ToLowerInvariant() + "_" + direction);
            }
            isCompound = true;
            return new Literal(lexical, Literal.XsdString);
        }
        if (datatype is null)
        {
            return language is null ? new Literal(lexical, Literal.XsdString) : new Literal(lexical, Literal.RdfLangString, language);
        }
        return new Literal(lexical, datatype);
    }

    /// <summary>BCP 47 in the loose form RDF requires: letters, then hyphen-separated alphanumeric subtags of 1–8.</summary>
    private static bool IsWellFormedLanguage(string tag)
    {
        var subtags = tag.Split('-');
        if (subtags[0].Length is 0 or > 8 || !subtags[0].All(char.IsAsciiLetter))
        {
            return false;
        }
        return subtags.Skip(1).All(s => s.Length is > 0 and <= 8 && s.All(char.IsAsciiLetterOrDigit));
    }

    /// <summary>The XSD canonical form of a double: one digit, a point, at least one digit, <c>E</c>, exponent.</summary>
    public static string FormatDouble(double value)
    {
        if (value == 0)
        {
            return "0.0E0";
        }
        var (digits, exponent) = ShortestDigits(value);
        var sign = value < 0 ? "-" : "";
        var fraction = digits.Length > 1 ? digits[1..] : "0";
        return sign + digits[0] + "." + fraction + "E" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The shortest round-trip significant digits of |value| (no leading or trailing zeros) and the
    /// exponent e such that |value| = d.ddd × 10^e.
    /// </summary>
    public static (string Digits, int Exponent) ShortestDigits(double value)
    {
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOfAny(['E', 'e']);
        var power = e < 0 ? 0 : int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text[..e];
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integer = point < 0 ? mantissa : mantissa[..point];
        var all = integer + (point < 0 ? "" : mantissa[(point + 1)..]);
        var position = integer.Length;
        var trimmed = all.TrimStart('0');
        position -= all.Length - trimmed.Length;
        trimmed = trimmed.TrimEnd('0');
        return (trimmed, position - 1 + power);
    }
}
