using System.CommandLine;
using System.Globalization;
using Transcripts.Signing.Tokens;
using Transcripts.Verifier.Checking;
using Transcripts.Verifier.Inputs;
using Transcripts.Verifier.Output;
using Transcripts.Verifier.TrustStore;

namespace Transcripts.Verifier.Commands;

/// <summary><c>verify PATH… [--json] [--trust-store DIR] [--no-status] [--at DATE]</c>: offline, never touches the network.</summary>
internal static class VerifyCommand
{
    /// <summary>The parsed command line.</summary>
    internal sealed record Request(IReadOnlyList<string> Paths, bool Json, string? TrustStore, bool CheckStatus, DateTimeOffset? At);

    public static Command Create(CliEnvironment env)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Credential JSON, presentation, PDF transcript, scan of a paper transcript (PNG, JPEG, WebP or a scanner's PDF), QR text (or a .txt file holding it), or a folder of them.",
        };
        var json = new Option<bool>("--json") { Description = "Write the report as one JSON document." };
        var trustStore = CliEnvironment.TrustStoreOption();
        var noStatus = new Option<bool>("--no-status") { Description = "Do not check revocation (status lists)." };
        var at = new Option<string?>("--at")
        {
            Description = "Judge validity at this date or date and time (UTC unless it says otherwise) instead of now.",
            HelpName = "DATE",
        };
        var command = new Command("verify", "Verify credentials, presentations, PDF transcripts, scans of paper transcripts and QR text, offline.")
        {
            paths, json, trustStore, noStatus, at,
        };
        command.SetAction(parse =>
        {
            DateTimeOffset? moment = null;
            if (parse.GetValue(at) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    env.Error.WriteLine($"--at: '{text}' is not a date such as 2026-09-01 or 2026-09-01T12:00:00Z.");
                    return ExitCodes.Usage;
                }
                moment = parsed;
            }
            return Run(new Request(parse.GetValue(paths) ?? [], parse.GetValue(json), parse.GetValue(trustStore), !parse.GetValue(noStatus), moment), env);
        });
        return command;
    }

    public static int Run(Request request, CliEnvironment env)
    {
        TrustContext trust;
        try
        {
            var store = CliEnvironment.OpenStore(request.TrustStore);
            var wallClock = env.Clock.GetUtcNow();
            trust = new TrustContext(store.List(), new StatusCache(store.StatusFolder),
                                     new VerifySettings(request.At ?? wallClock, wallClock, request.CheckStatus));
        }
        catch (InputException e)
        {
            env.Error.WriteLine(e.Message);
            return ExitCodes.Usage;
        }
        var verifier = new InputVerifier(trust);
        var inputs = request.Paths.Select(path => (Path: path, IsFolder: Directory.Exists(path), Results: Verify(path, verifier))).ToList();
        // A scan's QR code names a credential; the run may hold it (`verify scan.jpg transcript.pdf`), wherever it is listed.
        var all = ScanChecker.Match([.. inputs.SelectMany(i => i.Results)]);
        var context = new ReportContext(trust, request.CheckStatus);
        if (request.Json)
        {
            JsonReport.Write(env.Out, all, context);
        }
        else
        {
            var report = new TextReport(env.Out, env.IsTerminal, context);
            var at = 0;
            foreach (var input in inputs)
            {
                var results = all.Skip(at).Take(input.Results.Count).ToList();
                at += results.Count;
                if (input.IsFolder)
                {
                    report.WriteFolder(input.Path, results);
                }
                else
                {
                    report.Write(results[0]);
                }
            }
        }
        foreach (var unreadable in all.Where(r => r.Error is not null).Take(20))
        {
            env.Error.WriteLine($"{unreadable.Source}: {unreadable.Error}");
        }
        return InputResult.ExitCode(all);
    }

    /// <summary>What one command-line argument is: a folder (its files), a file, or the text of a QR code.</summary>
    private static IReadOnlyList<InputResult> Verify(string path, InputVerifier verifier)
    {
        if (Directory.Exists(path))
        {
            try
            {
                // One file per core: verification is CPU-bound and the files are independent; the order is kept.
                return [.. FolderInput.Files(path).AsParallel().AsOrdered()
                    .WithDegreeOfParallelism(Environment.ProcessorCount).Select(verifier.VerifyFile)];
            }
            catch (InputException e)
            {
                return [InputResult.Unreadable(path, e.Message)];
            }
        }
        return [File.Exists(path) ? verifier.VerifyFile(path)
            : TranscriptQr.TryParse(path, out _) ? verifier.Verify(CredentialFile.FromQrArgument(path))
            : InputResult.Unreadable(path, "There is no file or folder by this name, and it is not the text of a Transcripts QR code.")];
    }
}
