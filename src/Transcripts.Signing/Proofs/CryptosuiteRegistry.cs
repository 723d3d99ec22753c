using Transcripts.Signing.Proofs.Cryptosuites;

namespace Transcripts.Signing.Proofs;

/// <summary>The cryptosuites this library implements. Adding a suite is one class and one line here.</summary>
internal static class CryptosuiteRegistry
{
    private static readonly Cryptosuite[] s_suites =
    [
        new EddsaRdfc2022(),
        new EddsaJcs2022(),
        new EcdsaRdfc2019(),
        new EcdsaJcs2019(),
        new Ed25519Signature2020(),
    ];

    /// <summary>All suites, for error messages and tests.</summary>
    public static IReadOnlyList<Cryptosuite> All => s_suites;

    /// <summary>
    /// The suite for a proof: by <c>cryptosuite</c> when the type is DataIntegrityProof, otherwise by the legacy proof type.
    /// </summary>
    public static Cryptosuite? Find(string? proofType, string? cryptosuite)
    {
        foreach (var suite in s_suites)
        {
            if (suite.ProofType != proofType)
            {
                continue;
            }
            if (proofType != Cryptosuite.DataIntegrityProofType || suite.Name == cryptosuite)
            {
                return suite;
            }
        }
        return null;
    }

    /// <summary>Names of the supported suites, for messages.</summary>
    public static string Names => string.Join(", ", s_suites.Select(s => s.Name));

    /// <summary>Names of the suites that sign, for messages.</summary>
    public static string SigningNames => string.Join(", ", s_suites.Where(s => !s.IsVerifyOnly).Select(s => s.Name));
}
