// ECMAScript 2024 §6.1.6.1.20 Number::toString(x), radix 10, as RFC 8785 §3.2.2.3 requires for JSON numbers.
// The shortest round-trip digits come from .NET's "R" format (shortest since .NET Core 3.0); only the layout
// rules are applied here: plain notation for 1e-7 < |x| < 1e21, otherwise d.ddde±n; −0 prints as "0".
using System.Globalization;
using System.Text;

namespace Transcripts.Signing.Canonical;

internal static class EcmaScriptNumber
{
    /// <summary>ECMAScript Number.prototype.toString of a finite double (RFC 8785 §3.2.2.3).</summary>
    /// <exception cref="SigningException">The value is NaN or infinite.</exception>
    public static string Format(double value)
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
}
