using Microsoft.Extensions.Options;
using Spectre.Console;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Batches;

/// <summary>
/// <c>issue-batch --institution ID [--learner ID]…</c>: issues transcripts from the command line with a progress bar,
/// exactly as <c>POST /batches</c> does. Other arguments are configuration (<c>--Storage:DataDirectory …</c>).
/// Exit codes: 0 done, 1 some learners failed, 2 usage.
/// </summary>
internal static class IssueBatchCommand
{
    public const string Name = "issue-batch";

    public sealed record Arguments(Guid? Institution, IReadOnlyList<Guid> Learners, string[] Remaining, string? Error);

    /// <summary>Splits the command's own options from configuration arguments.</summary>
    public static Arguments Parse(string[] args)
    {
        Guid? institution = null;
        var learners = new List<Guid>();
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--institution" or "--learner")
            {
                if (i + 1 >= args.Length || !Guid.TryParse(args[i + 1], out var id))
                {
                    return new Arguments(null, [], [], $"{args[i]} needs an id (a GUID).");
                }
                if (args[i] == "--institution")
                {
                    institution = id;
                }
                else
                {
                    learners.Add(id);
                }
                i++;
            }
            else
            {
                rest.Add(args[i]);
            }
        }
        return institution is null
            ? new Arguments(null, [], [], "Usage: issue-batch --institution ID [--learner ID]… [--Storage:DataDirectory DIR]")
            : new Arguments(institution, learners, rest.ToArray(), null);
    }

    public static async Task<int> RunAsync(IServiceProvider services, Guid institutionId, IReadOnlyList<Guid> learners, TextWriter stdout,
        TextWriter stderr, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TranscriptsDb>();
        await DataModule.MigrateAsync(scope.ServiceProvider, cancellationToken);
        if (await db.Institutions.FindAsync([institutionId], cancellationToken) is null)
        {
            await stderr.WriteLineAsync($"No institution {institutionId} in this database.");
            return 2;
        }
        var (batch, items, problem) = await CreateBatch.CreateAsync(db, institutionId, Guid.Empty, learners.Count > 0 ? learners : null,
            scope.ServiceProvider.GetRequiredService<TimeProvider>(), scope.ServiceProvider.GetRequiredService<IOptions<BatchOptions>>().Value, cancellationToken);
        if (problem is not null)
        {
            await stderr.WriteLineAsync(problem.ProblemDetails.Detail);
            return 2;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
        var failed = 0;
        // The service is not started here, so neither are its background services; the batch wants the checkpointer.
        var checkpointer = services.GetService<SqliteCheckpointer>();
        await (checkpointer?.StartAsync(cancellationToken) ?? Task.CompletedTask);
        try
        {
            await console.Progress().StartAsync(async context =>
            {
                var task = context.AddTask($"Issuing {items.Count:N0} transcripts", maxValue: items.Count);
                await services.GetRequiredService<BatchProcessor>().RunAsync(batch!.Id, item =>
                {
                    failed += item.Status == BatchItemStatus.Failed ? 1 : 0;
                    task.Increment(1);
                }, cancellationToken);
            });
        }
        finally
        {
            await (checkpointer?.StopAsync(CancellationToken.None) ?? Task.CompletedTask);
        }
        await stdout.WriteLineAsync($"Batch {batch!.Id}: {items.Count:N0} learners, {failed:N0} failed.");
        return failed == 0 ? 0 : 1;
    }
}
