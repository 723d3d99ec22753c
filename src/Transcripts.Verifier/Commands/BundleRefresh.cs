using System.Text;
using Spectre.Console;
using Transcripts.Signing.Trust;
using Transcripts.Verifier.Inputs;
using Transcripts.Verifier.TrustStore;

namespace Transcripts.Verifier.Commands;

/// <summary>
/// The first half of <c>status refresh</c>: fetches each trusted institution's trust bundle again from the address it gave
/// (<c>url</c>), so key rotations and revocations reach the office. A newer bundle replaces the stored one only with key
/// continuity (Signing's <see cref="TrustBundle.Continues"/>); without it nothing is replaced, but its revocations of keys
/// the office already has are applied, since believing a revocation only ever takes trust away.
/// </summary>
internal static class BundleRefresh
{
    /// <summary>Refreshes every bundle; returns the issuers as they now stand and how many bundles were refused.</summary>
    public static async Task<(IReadOnlyList<TrustedIssuer> Issuers, int Refused)> RunAsync(TrustStore.TrustStore store,
        IReadOnlyList<TrustedIssuer> issuers, Func<string, CancellationToken, Task<(byte[]? Bytes, string? Problem)>> fetch,
        Table table, CancellationToken cancellationToken)
    {
        var result = new List<TrustedIssuer>(issuers.Count);
        var refused = 0;
        foreach (var current in issuers)
        {
            var name = new Text(current.Name ?? current.Did);
            if (current.Bundle.Url is not { } url)
            {
                result.Add(current);
                continue;
            }
            var (bytes, problem) = await fetch(url, cancellationToken);
            TrustedIssuer? newer = null;
            if (bytes is not null)
            {
                try
                {
                    newer = TrustedIssuer.FromFile(bytes);
                }
                catch (InputException e)
                {
                    problem = "Not used: " + e.Message;
                }
            }
            if (newer is null)
            {
                table.AddRow(name, new Text("trust bundle " + url), new Text(problem ?? "Not fetched."));
                result.Add(current);
                continue;
            }
            var changes = TrustDiff.Describe(current, newer);
            if (changes.Count == 0)
            {
                table.AddRow(name, new Text("trust bundle " + url), new Text("Unchanged."));
                result.Add(current);
                continue;
            }
            if (newer.Bundle.Continues(current.Institution, newer.Document, out var reason))
            {
                store.Save(newer, replacesDid: current.Did);
                table.AddRow(name, new Text("trust bundle " + url), new Text($"Updated. {reason}\n{string.Join("\n", changes)}"));
                result.Add(newer);
                continue;
            }
            refused++;
            var revoked = current.WithRevocationsFrom(newer.Bundle);
            var applied = TrustDiff.Describe(current, revoked);
            var text = new StringBuilder($"Refused, not stored: {reason}");
            if (applied.Count > 0)
            {
                store.Save(revoked);
                text.Append("\nIts revocations were applied all the same (a revocation only takes trust away):\n").AppendJoin("\n", applied);
            }
            text.Append("\nConfirm the new bundle with the institution, then run `transcripts-verify trust add FILE --replace`.");
            table.AddRow(name, new Text("trust bundle " + url), new Text(text.ToString()));
            result.Add(applied.Count > 0 ? revoked : current);
        }
        return (result, refused);
    }
}
