using System.CommandLine;

namespace Transcripts.Api.Cli;

/// <summary>
/// The service's admin commands: <c>audit verify</c>, <c>issue-batch</c>, <c>demo</c>, <c>operator-key create</c> and <c>operator invite</c>, run instead of the service when the
/// first argument names one. Writers and the composition root are injected; nothing here writes to the console.
/// </summary>
internal static class AdminCli
{
    private static readonly string[] s_verbs = [AuditCommand.Name, IssueBatchCommand.Name, DemoCommand.Name, OperatorKeyCommand.Name, OperatorCommand.Name];

    /// <summary>Whether <paramref name="args"/> ask for an admin command rather than the service.</summary>
    public static bool Handles(string[] args) => args is [var verb, ..] && s_verbs.Contains(verb, StringComparer.Ordinal);

    /// <summary>Parses and runs <paramref name="args"/>; returns one of <see cref="ExitCodes"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, AppFactory buildApp,
                                           CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new CliContext(stdout, stderr, buildApp);
        var root = new RootCommand("Administer a Transcripts database. Arguments such as --Storage:DataDirectory DIR are configuration, as for the service.")
        {
            AuditCommand.Create(context),
            IssueBatchCommand.Create(context),
            DemoCommand.Create(context),
            OperatorKeyCommand.Create(context),
            OperatorCommand.Create(context),
        };
        // An argument beginning with @ is a value (a path, say), never a file of further arguments.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var errors = parse.Errors.Select(e => e.Message).ToList();
        if (errors.Count == 0 && ConfigurationArguments.Collect(parse.UnmatchedTokens, out var configurationError) is null)
        {
            errors.Add(configurationError!);
        }
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await stderr.WriteLineAsync(error);
            }
            await stderr.WriteLineAsync($"Run `{parse.CommandResult.Command.Name} --help` for usage.");
            return ExitCodes.Usage;
        }
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync($"The command could not finish: {e.Message}");
            return ExitCodes.CouldNotFinish;
        }
    }

    /// <summary>The configuration arguments of a parse already checked by <see cref="RunAsync"/>.</summary>
    public static string[] Configuration(ParseResult parse) => ConfigurationArguments.Collect(parse.UnmatchedTokens, out _)!;
}
