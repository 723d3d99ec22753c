using Transcripts.Signing.Trust;

namespace Transcripts.Verifier.TrustStore;

/// <summary>What replacing a trust store entry would change, line by line, for the office to read before it agrees.</summary>
internal static class TrustDiff
{
    public static IReadOnlyList<string> Describe(TrustedIssuer current, TrustedIssuer replacement)
    {
        var lines = new List<string>();
        if (current.Did != replacement.Did)
        {
            lines.Add($"DID: {current.Did} → {replacement.Did}");
        }
        if (current.Name != replacement.Name)
        {
            lines.Add($"Name: {current.Name ?? "(none)"} → {replacement.Name ?? "(none)"}");
        }
        foreach (var key in replacement.Institution.Keys)
        {
            var before = current.Institution.Find(key.VerificationMethod);
            if (before is null)
            {
                lines.Add($"+ key {key.VerificationMethod} ({Show(key)})");
            }
            else if (!before.PublicKey.Equals(key.PublicKey))
            {
                lines.Add($"! key {key.VerificationMethod} has a DIFFERENT public key ({Show(key)})");
            }
            else if (before.State != key.State || before.RetiredAt != key.RetiredAt || before.RevokedAt != key.RevokedAt)
            {
                lines.Add($"~ key {key.VerificationMethod}: {Show(before)} → {Show(key)}");
            }
        }
        lines.AddRange(current.Institution.Keys.Where(k => replacement.Institution.Find(k.VerificationMethod) is null)
            .Select(k => $"- key {k.VerificationMethod} ({Show(k)})"));
        lines.AddRange(replacement.StatusListUrls.Except(current.StatusListUrls).Select(u => $"+ status list {u}"));
        lines.AddRange(current.StatusListUrls.Except(replacement.StatusListUrls).Select(u => $"- status list {u}"));
        var lists = replacement.Institution.IssuedCredentials.Keys.Except(current.Institution.IssuedCredentials.Keys);
        lines.AddRange(lists.Select(k => $"+ list of {replacement.Institution.IssuedCredentials[k].Count:N0} credentials really signed by revoked key {k}"));
        if (current.Bundle.Url != replacement.Bundle.Url)
        {
            lines.Add($"Refreshed from: {current.Bundle.Url ?? "(nowhere)"} → {replacement.Bundle.Url ?? "(nowhere)"}");
        }
        return lines;
    }

    public static string Show(IssuerKey key) => key.State switch
    {
        KeyState.Active => "active",
        KeyState.Retired => $"retired {key.RetiredAt:yyyy-MM-dd HH:mm} UTC",
        _ => $"REVOKED, compromised since {key.RevokedAt:yyyy-MM-dd HH:mm} UTC",
    };
}
