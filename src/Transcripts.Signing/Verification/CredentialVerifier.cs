// The verification pipeline of DESIGN.md: structure → proof → issuer trusted → validity → status.
// Each step is one ICredentialCheck in Checks/; a new step (a PDF's QR token, a schema) is one class and one line below.
using System.Text.Json.Nodes;
using Transcripts.Signing.Verification.Checks;

namespace Transcripts.Signing.Verification;

/// <summary>Verifies a verifiable credential (VC Data Model 1.1 or 2.0) and reports every step.</summary>
public static class CredentialVerifier
{
    private static readonly ICredentialCheck[] s_steps =
    [
        new StructureCheck(),
        new ProofCheck(),
        new IssuerTrustCheck(),
        new ValidityCheck(),
        new StatusCheck(),
    ];

    /// <summary>
    /// Checks <paramref name="credential"/>. Never throws for a bad credential: every problem is a failed or unknown
    /// <see cref="Check"/> with a reason.
    /// </summary>
    public static VerificationReport Verify(JsonObject credential, VerificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(options);
        var context = new CredentialContext(credential, options);
        var checks = new List<Check>(s_steps.Length);
        foreach (var step in s_steps)
        {
            if (step.Run(context) is { } check)
            {
                checks.Add(check);
            }
        }
        return new VerificationReport(checks) { Institution = context.Institution };
    }
}
