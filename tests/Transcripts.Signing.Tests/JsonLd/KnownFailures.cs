namespace Transcripts.Signing.Tests.JsonLd;

/// <summary>The W3C tests this processor does not pass yet, keyed by suite and id; reasons in known-failures.md.</summary>
internal static class KnownFailures
{
    public static IReadOnlyDictionary<string, string> Reasons { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };
}
