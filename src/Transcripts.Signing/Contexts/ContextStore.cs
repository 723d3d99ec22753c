// JSON-LD 1.1 API §9.4 LoadDocumentCallback, answered from pinned copies only (DESIGN.md "JSON-LD contexts are pinned").
// Every context this software understands is an embedded resource whose SHA-256 is recorded below and checked
// the first time it is loaded. Any other URL is refused: nothing is ever fetched from the network. The table's
// sources (npm package and version, or "written here" for the CLR 2.0.1 and examples v2 contexts) are in
// Contexts/README.md.

using System.Collections.Concurrent;
using System.Security.Cryptography;
using Transcripts.Signing.Canonical.JsonLd;

namespace Transcripts.Signing.Contexts;

/// <summary>The pinned JSON-LD context documents, and the only document loader of the product.</summary>
internal sealed class ContextStore : IDocumentLoader
{
    /// <summary>One pinned context: its URL, embedded file and the SHA-256 (lowercase hex) of the file's bytes.</summary>
    internal sealed record PinnedContext(string Url, string FileName, string Sha256)
    {
        public string ResourceName => ResourcePrefix + FileName;
    }

    internal const string ResourcePrefix = "Transcripts.Signing.Contexts.";

    /// <summary>Every pinned context. Adding one means adding the file, its row here and its row in README.md.</summary>
    public static IReadOnlyList<PinnedContext> Pinned { get; } =
    [
        new("https://www.w3.org/2018/credentials/v1", "credentials-v1.jsonld", "00d7dd6d3ad8b920e3e550dd3a3d9090bffcac84cdbf943da6924b3e0a5c8bb8"),
        new("https://www.w3.org/ns/credentials/v2", "credentials-v2.jsonld", "8a9f494a89ecc51db093e90e84713e07e84d6d9204364a9b3c7868b21751236f"),
        new("https://www.w3.org/ns/credentials/undefined-terms/v2", "credentials-undefined-terms-v2.jsonld", "82dab514ba44eb18f5d1b0f638c5e140c6a556fbfb5089601bdc0fa5eb8b2581"),
        new("https://www.w3.org/2018/credentials/examples/v1", "credentials-examples-v1.jsonld", "73bebae22e70ebb4466ac2e1f3e3b35c43436217623b51ff3e1b567e1aff4ba2"),
        new("https://www.w3.org/ns/credentials/examples/v2", "credentials-examples-v2.jsonld", "57393fbc69d6efb9b9b5dc9cb6b9880b0944360abfe2eaf459c9e58cf2279d7c"),
        new("https://w3id.org/security/data-integrity/v1", "data-integrity-v1.jsonld", "b5d829bd09aa7c42abc6efa0c8ed7635313b5487f37ccfce3ecd149ca9418554"),
        new("https://w3id.org/security/data-integrity/v2", "data-integrity-v2.jsonld", "0f77743daf5b4e8fc067fc5ba5b21044283053aa717fc6b0219843bed3b00363"),
        new("https://w3id.org/security/multikey/v1", "multikey-v1.jsonld", "c5f3806f8286920573221938917988a18a4cc5a09e968d29649613c7a1c2b1f6"),
        new("https://w3id.org/security/suites/ed25519-2020/v1", "ed25519-signature-2020-v1.jsonld", "b9e1ab971fd8bf2c7553e0c4a9438e0b9450afde1ea1ca5b2492368b9f549588"),
        new("https://www.w3.org/ns/credentials/status/v1", "vc-bitstring-status-list-v1.jsonld", "fd08cbf28ddd829ab2f1978c48f43ab07a112c1c90245a0cfac7ba721c65170c"),
        new("https://w3id.org/vc/status-list/2021/v1", "vc-status-list-2021-v1.jsonld", "634d71c159289f068c96012e4511c657fdf82ac4231900081bda3ba24e2e1160"),
        new("https://www.w3.org/ns/did/v1", "did-v1.jsonld", "62c1054bf404d6dd3a4b26b64f830fd72095f6a26edc4469908c94351352ce5f"),
        new("https://purl.imsglobal.org/spec/ob/v3p0/context.json", "ob-v3p0-context-3.0.0.json", "9f1c8f9f361ba2994b9b50701f41149919542c50c7b7455b2846d87959295d72"),
        new("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json", "ob-v3p0-context-3.0.1.json", "af095468326d3449160509b26ca71576e6321d13c85b0369cfe3b654c9a48fba"),
        new("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json", "ob-v3p0-context-3.0.2.json", "00666ad080ba407687ed1846b7f5e7495f5019042b202a727de47c48a1755c53"),
        new("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "ob-v3p0-context-3.0.3.json", "ef2fa9c7846dce233cc166b43639027278be4ee44f00bb1d45c75de2dd0cd761"),
        new("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json", "ob-v3p0-extensions.json", "2d013f981d1f4516081a6a04e55468ba2b071d4153b794f19a79715c45a89a5e"),
        new("https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", "clr-v2p0-context-2.0.1.json", "d94c0383c43b951ce895da25c313e2571fd27ef11f185b266c231545ed1a04d5"),
    ];

    private static readonly Dictionary<string, PinnedContext> s_byUrl =
        Pinned.ToDictionary(p => p.Url, StringComparer.Ordinal);

    private readonly Dictionary<string, byte[]> _additional;
    private readonly Limits _limits;
    private readonly ConcurrentDictionary<string, Lazy<RemoteDocument>> _cache = new(StringComparer.Ordinal);

    /// <summary>A store with the pinned contexts only.</summary>
    public ContextStore() : this([])
    {
    }

    /// <summary>
    /// A store with the pinned contexts and <paramref name="additionalDocuments"/>, which a test driver or the
    /// VC API supplies explicitly (for example a test suite's own contexts). They are parsed within
    /// <paramref name="limits"/> but carry no recorded hash; they may not replace a pinned URL.
    /// </summary>
    /// <exception cref="ArgumentException">An additional URL is pinned already, or given twice.</exception>
    public ContextStore(IEnumerable<KeyValuePair<string, byte[]>> additionalDocuments, Limits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(additionalDocuments);
        _limits = limits ?? Limits.Default;
        _additional = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (url, bytes) in additionalDocuments)
        {
            ArgumentNullException.ThrowIfNull(url);
            ArgumentNullException.ThrowIfNull(bytes);
            if (s_byUrl.ContainsKey(url))
            {
                throw new ArgumentException($"{url} is a pinned context and cannot be replaced.", nameof(additionalDocuments));
            }
            if (!_additional.TryAdd(url, bytes.ToArray()))
            {
                throw new ArgumentException($"{url} is given twice.", nameof(additionalDocuments));
            }
        }
    }

    /// <summary>The shared store of pinned contexts.</summary>
    public static ContextStore Default { get; } = new();

    /// <summary>Whether <paramref name="url"/> is one of the pinned contexts.</summary>
    public static bool IsPinned(string url) => s_byUrl.ContainsKey(url);

    /// <inheritdoc />
    /// <exception cref="SigningException">
    /// <see cref="SigningError.UnknownContext"/> for a URL this store does not hold;
    /// <see cref="SigningError.ContextIntegrity"/> when an embedded file does not match its recorded SHA-256.
    /// </exception>
    public RemoteDocument Load(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!s_byUrl.ContainsKey(url) && !_additional.ContainsKey(url))
        {
            throw new SigningException(SigningError.UnknownContext,
                $"The JSON-LD context {url} is not a context this software knows; only pinned contexts are used, " +
                "and nothing is fetched from the network.");
        }
        return _cache.GetOrAdd(url, u => new Lazy<RemoteDocument>(() => LoadUncached(u))).Value;
    }

    private RemoteDocument LoadUncached(string url)
    {
        if (_additional.TryGetValue(url, out var supplied))
        {
            return new RemoteDocument(url, JsonInput.Parse(supplied, _limits));
        }
        var pinned = s_byUrl[url];
        var bytes = ReadResource(pinned.ResourceName);
        CheckIntegrity(pinned, bytes);
        return new RemoteDocument(url, JsonInput.Parse(bytes, _limits));
    }

    /// <summary>Throws unless SHA-256(<paramref name="bytes"/>) is the hash recorded for <paramref name="pinned"/>.</summary>
    /// <exception cref="SigningException"><see cref="SigningError.ContextIntegrity"/> on a mismatch.</exception>
    internal static void CheckIntegrity(PinnedContext pinned, ReadOnlySpan<byte> bytes)
    {
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(actual, pinned.Sha256, StringComparison.Ordinal))
        {
            throw new SigningException(SigningError.ContextIntegrity,
                $"The pinned copy of the JSON-LD context {pinned.Url} has SHA-256 {actual}, not the recorded {pinned.Sha256}; " +
                "this build of the software has been altered and cannot be trusted.");
        }
    }

    /// <summary>The bytes of an embedded context file.</summary>
    internal static byte[] ReadResource(string resourceName)
    {
        using var stream = typeof(ContextStore).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new SigningException(SigningError.ContextIntegrity,
                $"The embedded context {resourceName} is missing from this build of the software.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
