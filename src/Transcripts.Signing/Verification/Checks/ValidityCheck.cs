// VC Data Model 2.0 §4.9 validFrom/validUntil; VC Data Model 1.1 §4.6/§4.7 issuanceDate/expirationDate.
using System.Globalization;

namespace Transcripts.Signing.Verification.Checks;

internal sealed class ValidityCheck : ICredentialCheck
{
    public Check? Run(CredentialContext context)
    {
        var now = context.Options.Now;
        if (!TryDate(context, "validFrom", "issuanceDate", out var from, out var fromName))
        {
            return Fail($"The credential's {fromName} is not a valid date and time.");
        }
        if (!TryDate(context, "validUntil", "expirationDate", out var until, out var untilName))
        {
            return Fail($"The credential's {untilName} is not a valid date and time.");
        }
        if (from is { } start && now < start)
        {
            return Fail($"The credential is not valid yet: it becomes valid on {Show(start)}.");
        }
        if (until is { } end && now > end)
        {
            return Fail($"The credential expired on {Show(end)}.");
        }
        var reason = (from, until) switch
        {
            (null, null) => "The credential states no validity period, so it does not expire.",
            (_, null) => $"The credential has been valid since {Show(from!.Value)} and does not expire.",
            (null, _) => $"The credential is valid until {Show(until!.Value)}.",
            _ => $"The credential is valid from {Show(from!.Value)} until {Show(until!.Value)}.",
        };
        return new(CheckNames.Validity, CheckStatus.Passed, reason);
    }

    private static bool TryDate(CredentialContext context, string v2Name, string v1Name, out DateTimeOffset? value, out string name)
    {
        name = context.Credential[v2Name] is not null ? v2Name : v1Name;
        value = null;
        if (context.Credential[name] is null)
        {
            return true;
        }
        if (context.Text(name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            && text.Contains('T', StringComparison.Ordinal))
        {
            value = parsed;
            return true;
        }
        return false;
    }

    private static string Show(DateTimeOffset value) => value.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static Check Fail(string reason) => new(CheckNames.Validity, CheckStatus.Failed, reason);
}
