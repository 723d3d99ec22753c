using System.CommandLine;

namespace Transcripts.Verifier;

/// <summary>Builds the command line and runs it with injected writers; nothing here writes to the console.</summary>
public static class VerifierCli
{
    /// <summary>Parses and runs <paramref name="args"/>; returns one of <see cref="ExitCodes"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr,
                                           CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Check Transcripts credentials and PDF transcripts, offline.");
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync(error.Message);
            }
            return ExitCodes.Usage;
        }
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        return await parse.InvokeAsync(config, cancellationToken);
    }
}
