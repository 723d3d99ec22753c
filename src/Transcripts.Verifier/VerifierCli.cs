using System.CommandLine;
using Transcripts.Verifier.Commands;

namespace Transcripts.Verifier;

/// <summary>Builds the command line and runs it with injected writers and clock; nothing here writes to the console.</summary>
public static class VerifierCli
{
    /// <summary>Parses and runs <paramref name="args"/>; returns one of <see cref="ExitCodes"/>. Never throws.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Where reports go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <param name="clock">The clock (tests pass a fixed one); <c>--at</c> overrides it for validity.</param>
    /// <param name="isTerminal">Whether <paramref name="stdout"/> is a terminal (colours and box drawing).</param>
    /// <param name="cancellationToken">Stops a refresh.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider? clock = null,
                                           bool isTerminal = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var env = new CliEnvironment(stdout, stderr, clock ?? TimeProvider.System, isTerminal);
        var verbose = new Option<bool>("--verbose") { Description = "Show details of unexpected errors.", Recursive = true };
        var root = new RootCommand("Check Transcripts credentials, PDF transcripts and QR codes, offline, against the institutions you trust.")
        {
            VerifyCommand.Create(env),
            TrustCommand.Create(env),
            StatusCacheCommand.Create(env),
        };
        root.Options.Add(verbose);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync(error.Message);
            }
            await stderr.WriteLineAsync("Run `transcripts-verify --help` for usage.");
            return ExitCodes.Usage;
        }
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(config, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var verboseRun = parse.GetValue(verbose);
            await stderr.WriteLineAsync($"The verifier could not finish because of an unexpected error: {e.Message.TrimEnd('.')}"
                                        + (verboseRun ? "." : " (run again with --verbose for details)."));
            if (verboseRun)
            {
                await stderr.WriteLineAsync(e.ToString());
            }
            return ExitCodes.CannotTell;
        }
    }
}
