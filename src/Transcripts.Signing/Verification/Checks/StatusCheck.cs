// Bitstring Status List v1.0 §3.2 validate: each BitstringStatusListEntry (or legacy StatusList2021Entry) is looked up
// in the caller's decoded list for its statusListCredential; a set bit means revoked or suspended for that purpose.
using System.Globalization;
using System.Text.Json.Nodes;

namespace Transcripts.Signing.Verification.Checks;

internal sealed class StatusCheck : ICredentialCheck
{
    public Check? Run(CredentialContext context)
    {
        var lists = context.Options.StatusLists;
        var node = context.Credential["credentialStatus"];
        if (lists is null || node is null)
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
            if (!lists.TryGetValue(url, out var list))
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

    private static Check Fail(string reason) => new(CheckNames.Status, CheckStatus.Failed, reason);
}
