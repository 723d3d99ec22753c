using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;
using Transcripts.Signing.StatusLists;
using Transcripts.Signing.Verification;

namespace Transcripts.Verifier.Checking;

/// <summary>
/// Verifies one credential with the signing core's <see cref="CredentialVerifier"/>, and the credentials a CLR embeds,
/// then words the outcome for an admissions office: a signature by an institution that is not in the trust store is
/// "cannot tell", not "invalid", and the status check says which copy of the list it used and how old it is.
/// </summary>
internal sealed class CredentialChecker(TrustContext trust)
{
    public const string EmbeddedCredentials = "embedded credentials";
    private const int MaxEmbedded = 1_000;

    public InputResult Verify(JsonObject credential, string source, IReadOnlyDictionary<string, JsonObject>? stapled, bool allowEmbedded = true)
    {
        var issuer = CredentialSummary.From(credential, []).IssuerId;
        var notes = new List<string>();
        Dictionary<string, StatusListCredential>? lists = null;
        DateTimeOffset? statusAsOf = null;
        if (trust.Settings.CheckStatus)
        {
            lists = [];
            foreach (var id in StatusListIds(credential))
            {
                var copy = trust.StatusList(id, issuer ?? "", stapled?.GetValueOrDefault(id));
                notes.Add(copy.Note);
                if (copy.List is not null)
                {
                    lists[id] = copy.List;
                    statusAsOf = copy.AsOf is { } asOf && (statusAsOf is null || asOf < statusAsOf) ? asOf : statusAsOf;
                }
            }
        }
        var report = CredentialVerifier.Verify(credential, trust.Options(lists));
        var checks = new List<Check>(report.Checks.Count + 1);
        var proof = CheckStatus.Failed;
        foreach (var check in report.Checks)
        {
            checks.Add(Word(check, credential, issuer, notes, proof));
            proof = check.Name == CheckNames.Proof ? checks[^1].Status : proof;
        }

        var embedded = new List<InputResult>();
        if (allowEmbedded && credential["credentialSubject"] is JsonObject subject && subject["verifiableCredential"] is JsonArray inner)
        {
            foreach (var (item, index) in inner.Take(MaxEmbedded).Select((n, i) => (n, i)))
            {
                var name = $"{source} › credential {index + 1}";
                embedded.Add(item is JsonObject nested
                    ? Verify(nested, name, stapled, allowEmbedded: false)
                    : InputResult.Unreadable(name, "This embedded credential is not a JSON object (an enveloped or JWT credential), which this verifier does not read."));
            }
            checks.Add(Summarise(EmbeddedCredentials, embedded, "in the transcript"));
        }
        var summary = CredentialSummary.From(credential, embedded.Select(e => e.Summary).OfType<CredentialSummary>());
        return new InputResult
        {
            Source = source,
            Kind = CredentialSummary.KindOf(credential),
            Checks = checks,
            Summary = summary with { TrustedIssuerName = report.Institution?.Name ?? trust.NameOf(issuer) },
            Credentials = embedded,
            StatusAsOf = statusAsOf,
        };
    }

    /// <summary>One check over several credentials: passed when every one is valid, otherwise naming the first problem.</summary>
    public static Check Summarise(string name, IReadOnlyList<InputResult> parts, string where)
    {
        if (parts.Count == 0)
        {
            return new(name, CheckStatus.Passed, $"There are no credentials {where}.");
        }
        var bad = parts.Select((p, i) => (Part: p, Number: i + 1)).Where(x => x.Part.Verdict != Verdict.Valid).ToList();
        if (bad.Count == 0)
        {
            return new(name, CheckStatus.Passed, parts.Count == 1 ? $"The credential {where} is valid." : $"All {parts.Count} credentials {where} are valid.");
        }
        var failed = bad.Where(b => b.Part.Verdict is Verdict.Invalid or Verdict.Unreadable).ToList();
        var first = (failed.Count > 0 ? failed : bad)[0];
        var problem = first.Part.Error ?? first.Part.Checks.Where(c => c.Status != CheckStatus.Passed)
            .OrderBy(c => c.Status == CheckStatus.Failed ? 0 : 1).Select(c => $"{c.Name}: {c.Reason}").First();
        var label = (first.Part.Summary is { Competencies.Count: > 0 } s ? s.Competencies[0].Name : null) ?? first.Part.Summary?.Name;
        var reason = $"{(failed.Count > 0 ? failed.Count : bad.Count)} of {parts.Count} credentials {where} "
            + $"{(failed.Count > 0 ? "failed" : "could not be fully checked")}; credential {first.Number}"
            + $"{(label is null ? "" : $" ({label})")}: {problem}";
        return new(name, failed.Count > 0 ? CheckStatus.Failed : CheckStatus.Unknown, reason);
    }

    private Check Word(Check check, JsonObject credential, string? issuer, List<string> statusNotes, CheckStatus proof)
    {
        switch (check.Name)
        {
            case CheckNames.Proof when check.Status == CheckStatus.Failed && UnknownSigner(credential) is { } signer:
                return check with
                {
                    Status = CheckStatus.Unknown,
                    Reason = $"The signature could not be checked: it was made with a key of {signer}, which is not in your trust store. "
                        + "If you trust this institution, add its trust bundle with `transcripts-verify trust add`.",
                };
            case CheckNames.IssuerTrusted when check.Status != CheckStatus.Passed && proof == CheckStatus.Unknown
                                              && issuer is not null && trust.TrustedIds.Contains(issuer):
                return check with
                {
                    Status = CheckStatus.Unknown,
                    Reason = $"The issuer {issuer} is in your trust store, but whether it issued the credential cannot be confirmed because the signature could not be checked.",
                };
            case CheckNames.IssuerTrusted when issuer is not null && !trust.TrustedIds.Contains(issuer) && proof != CheckStatus.Failed
                                              && (check.Status == CheckStatus.Unknown || (check.Status == CheckStatus.Failed && proof == CheckStatus.Unknown)):
                return check with
                {
                    Status = CheckStatus.Unknown,
                    Reason = $"The issuer {issuer} is not in your trust store, so who issued the credential cannot be confirmed. "
                        + "If you trust this institution, add its trust bundle with `transcripts-verify trust add`.",
                };
            case CheckNames.Status when statusNotes.Count > 0:
                return check with { Reason = check.Reason + " " + string.Join(" ", statusNotes.Distinct()) };
            default:
                return check;
        }
    }

    // The controller of the proofs' keys when none of them can be resolved here: not a did:key, and not in the store.
    private string? UnknownSigner(JsonObject credential)
    {
        var methods = (credential["proof"] switch { JsonArray a => a.OfType<JsonObject>(), JsonObject o => [o], _ => [] })
            .Select(p => CredentialSummary.Text(p, "verificationMethod")).ToList();
        if (methods.Count == 0 || methods.Any(m => m is null || m.StartsWith(DidKey.Prefix, StringComparison.Ordinal)))
        {
            return null;
        }
        var controllers = methods.Select(m => m!.Split('#')[0]).Distinct().ToList();
        return controllers.All(c => !trust.TrustedIds.Contains(c)) ? string.Join(", ", controllers) : null;
    }

    private static IEnumerable<string> StatusListIds(JsonObject credential) =>
        (credential["credentialStatus"] switch { JsonArray a => a.OfType<JsonObject>(), JsonObject o => [o], _ => [] })
        .Select(s => CredentialSummary.Text(s, "statusListCredential")).OfType<string>().Distinct();
}
