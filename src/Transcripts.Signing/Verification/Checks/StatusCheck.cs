// Bitstring Status List v1.0 §3.2 validate: each BitstringStatusListEntry (or legacy StatusList2021Entry) is looked up
// in the caller's decoded list for its statusListCredential; a set bit means revoked or suspended for that purpose.
// Fails closed: a credential without status from an issuer whose trust profile requires status is not valid, and a list
// past its validUntil (or of another purpose than the entry) says nothing, so the status is unknown.
using System.Globalization;
using System.Text.Json.Nodes;
using Transcripts.Signing.StatusLists;

namespace Transcripts.Signing.Verification.Checks;

internal sealed class StatusCheck : ICredentialCheck
{
    public Check? Run(CredentialContext context)
    {
        var lists = context.Options.StatusLists;
        var verified = context.Options.StatusListCredentials;
        var node = context.Credential["credentialStatus"];
        if (node is null && context.IssuerId is { } issuer && context.Options.StatusRequiredIssuers?.Contains(issuer) == true)
        {
            return Fail($"The credential has no status entry, but {issuer} states that every credential it issues carries one, "
                + "so this is not a credential it issued as it stands (it may have been altered or made with a stolen key).");
        }
        if ((lists is null && verified is null) || node is null)
        {
            return null;
        }
        JsonNode?[] entries = node is JsonArray array ? [.. array] : [node];
        var reasons = new List<string>();
        var unknown = false;
        foreach (var entry in entries)
        {
            if (entry is not JsonObject status)
            {
                return Fail("The credential's status entry is not a JSON object.");
            }
            var type = CredentialContext.Text(status, "type");
            if (type is not ("BitstringStatusListEntry" or "StatusList2021Entry"))
            {
                unknown = true;
                reasons.Add($"The status entry of type '{type ?? "(none)"}' is not one this verifier understands.");
                continue;
            }
            var purpose = CredentialContext.Text(status, "statusPurpose") ?? "revocation";
            var url = CredentialContext.Text(status, "statusListCredential");
            if (url is null || !int.TryParse(CredentialContext.Text(status, "statusListIndex"), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                return Fail("The credential's status entry lacks a status list address or a valid index.");
            }
            BitstringStatusList? list = null;
            if (verified?.TryGetValue(url, out var copy) == true)
            {
                if (copy.IsExpiredAt(context.Options.Now))
                {
                    unknown = true;
                    reasons.Add($"The {purpose} list at {url} expired on {Show(copy.ValidUntil!.Value)}, so it no longer shows whether the credential was withdrawn; fetch a current copy.");
                    continue;
                }
                if (copy.Purpose != purpose)
                {
                    unknown = true;
                    reasons.Add($"The list at {url} is a {copy.Purpose} list, not the {purpose} list the credential names.");
                    continue;
                }
                list = copy.List;
            }
            else if (lists?.TryGetValue(url, out var bare) == true)
            {
                list = bare;
            }
            if (list is null)
            {
                unknown = true;
                reasons.Add($"The {purpose} list at {url} was not available, so whether the credential was withdrawn could not be checked.");
                continue;
            }
            if (index >= list.Length)
            {
                return Fail($"The credential's status index {index:N0} is outside the {purpose} list at {url}.");
            }
            if (list.IsSet(index))
            {
                return Fail(purpose switch
                {
                    "revocation" => "The issuer has revoked this credential.",
                    "suspension" => "The issuer has suspended this credential.",
                    _ => $"The issuer has set the {purpose} status of this credential.",
                });
            }
            reasons.Add($"The {purpose} list shows the credential is not {(purpose == "suspension" ? "suspended" : purpose == "revocation" ? "revoked" : "flagged")}.");
        }
        return new(CheckNames.Status, unknown ? CheckStatus.Unknown : CheckStatus.Passed, string.Join(" ", reasons));
    }

    private static string Show(DateTimeOffset value) => value.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static Check Fail(string reason) => new(CheckNames.Status, CheckStatus.Failed, reason);
}
