using System.CommandLine;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Batches;

namespace Transcripts.Api.Cli;

/// <summary>
/// <c>issue-batch --institution ID [--learner ID]…</c>: issues transcripts with a progress bar, exactly as <c>POST /batches</c>
/// does. <see cref="ExitCodes.Done"/> all issued, <see cref="ExitCodes.Failed"/> some learners failed.
/// </summary>
internal static class IssueBatchCommand
{
    public const string Name = "issue-batch";

    public static Command Create(CliContext context)
    {
        var institution = new Option<Guid>("--institution") { Description = "The institution whose learners get transcripts.", Required = true };
        var learners = new Option<Guid[]>("--learner")
        {
            Description = "A learner to issue for (repeat for several); without it, every active learner of the institution.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command(Name, "Issue transcripts for an institution's learners, as POST /batches does.") { institution, learners };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => RunAsync(context, AdminCli.Configuration(parse), parse.GetValue(institution),
            parse.GetValue(learners) ?? [], cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string[] configuration, Guid institutionId, Guid[] learners,
        CancellationToken cancellationToken)
    {
        await using var app = context.BuildApp(configuration, new Dictionary<string, string?>());
        var services = app.Services;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TranscriptsDb>();
        await DataModule.MigrateAsync(scope.ServiceProvider, cancellationToken);
        if (await db.Institutions.FindAsync([institutionId], cancellationToken) is null)
        {
            await context.Error.WriteLineAsync($"No institution {institutionId} in this database.");
            return ExitCodes.Usage;
        }
        var (batch, items, problem) = await CreateBatch.CreateAsync(db, institutionId, Guid.Empty, learners.Length > 0 ? learners : null,
            scope.ServiceProvider.GetRequiredService<TimeProvider>(), scope.ServiceProvider.GetRequiredService<IOptions<BatchOptions>>().Value, cancellationToken);
        if (problem is not null)
        {
            await context.Error.WriteLineAsync(problem.ProblemDetails.Detail);
            return ExitCodes.Usage;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Out) });
        var failed = 0;
        // The service is not started here, so neither are its background services; the batch wants the checkpointer.
        var checkpointer = services.GetService<SqliteCheckpointer>();
        await (checkpointer?.StartAsync(cancellationToken) ?? Task.CompletedTask);
        try
        {
            await console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask($"Issuing {items.Count:N0} transcripts", maxValue: items.Count);
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
        await context.Out.WriteLineAsync($"Batch {batch!.Id}: {items.Count:N0} learners, {failed:N0} failed.");
        return failed == 0 ? ExitCodes.Done : ExitCodes.Failed;
    }
}
