using System.CommandLine;

namespace Transcripts.Verifier.Commands;

/// <summary>What every command is given instead of reaching for the console or the clock.</summary>
internal sealed record CliEnvironment(TextWriter Out, TextWriter Error, TimeProvider Clock, bool IsTerminal)
{
    /// <summary>The <c>--trust-store DIR</c> option each command that reads the store carries.</summary>
    public static Option<string?> TrustStoreOption() => new("--trust-store")
    {
        Description = "The trust store folder (default: a per-user folder, shown by `trust list`).",
        HelpName = "DIR",
    };

    public static TrustStore.TrustStore OpenStore(string? folder) =>
        new(string.IsNullOrWhiteSpace(folder) ? TrustStore.TrustStore.DefaultFolder() : Path.GetFullPath(folder));
}
