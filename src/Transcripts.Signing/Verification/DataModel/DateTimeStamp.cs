// XML Schema 1.1 Part 2 §3.4.28 dateTimeStamp: a dateTime (§3.3.7) whose time zone offset is required. The lexical
// space is the regular expression below, plus the day-of-month constraint (no 30 February; 29 February only in leap
// years, with year 0000 as 1 BCE, a leap year). "24:00:00" is the first instant of the next day. RFC 3339 date-times
// (VC Data Model 1.1) are a subset apart from 24:00, which is accepted here as XML Schema accepts it.
// The instant is returned for years 0001-9999 (what DateTimeOffset holds); other years are valid but not compared.
using System.Globalization;
using System.Text.RegularExpressions;

namespace Transcripts.Signing.Verification.DataModel;

/// <summary>
/// The dateTimeStamp of VC Data Model 2.0 (§4.9) and Data Integrity: the one parser every date in a credential or proof is
/// read with, and the one form every date the project signs is written in (UTC, whole seconds, <c>Z</c>).
/// </summary>
public static partial class DateTimeStamp
{
    /// <summary>
    /// <paramref name="value"/> as a dateTimeStamp in UTC with whole seconds, e.g. <c>2026-12-03T07:30:00Z</c>; the fraction
    /// is dropped, not rounded, so a date written never lies after the instant it stands for.
    /// </summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>-?(?:[1-9][0-9]{3,}|0[0-9]{3}))-(?<m>0[1-9]|1[0-2])-(?<d>0[1-9]|[12][0-9]|3[01])T(?:(?<t>(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?)|(?<end>24:00:00(?:\.0+)?))(?<z>Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Lexical();

    /// <summary>Whether <paramref name="text"/> is a dateTimeStamp; <paramref name="instant"/> is its instant when the year fits.</summary>
    public static bool TryParse(string text, out DateTimeOffset? instant)
    {
        instant = null;
        var match = Lexical().Match(text);
        if (!match.Success || text.Length > 64)
        {
            return false;
        }
        var yearText = match.Groups["y"].Value;
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        var isLeap = IsLeap(yearText);
        var daysInMonth = month == 2 ? (isLeap ? 29 : 28) : month is 4 or 6 or 9 or 11 ? 30 : 31;
        if (day > daysInMonth)
        {
            return false;
        }
        if (yearText.Length == 4 && yearText != "0000")
        {
            var time = match.Groups["end"].Success ? "00:00:00" : match.Groups["t"].Value;
            time = time.Length > 16 ? time[..16] : time; // DateTimeOffset keeps 7 fractional digits (100 ns)
            var zone = match.Groups["z"].Value == "Z" ? "+00:00" : match.Groups["z"].Value;
            if (DateTimeOffset.TryParseExact($"{yearText}-{month:D2}-{day:D2}T{time}{zone}", ["yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", "yyyy-MM-ddTHH:mm:sszzz"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                instant = match.Groups["end"].Success ? parsed.AddDays(1) : parsed;
            }
        }
        return true;
    }

    // 4, 100 and 400 all divide 10000, so the last four digits of the year decide whether it is a leap year.
    private static bool IsLeap(string yearText)
    {
        var lastFour = int.Parse(yearText[^4..], CultureInfo.InvariantCulture);
        return lastFour % 4 == 0 && (lastFour % 100 != 0 || lastFour % 400 == 0);
    }
}
