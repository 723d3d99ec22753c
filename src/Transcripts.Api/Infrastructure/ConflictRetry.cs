using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;

namespace Transcripts.Api.Infrastructure;

/// <summary>
/// The service's one answer to a save that lost to a concurrent write (a row's version changed, or a unique index such as
/// a status list's (list, index) stopped a second claim): do the whole step again from fresh reads, after a short random
/// pause, up to <see cref="Attempts"/> times; the last attempt's exception goes to the caller (409 in the API).
/// </summary>
internal static class ConflictRetry
{
    public const int Attempts = 20;

    /// <summary>Runs <paramref name="step"/> (given its attempt number, from 1); after a conflict <paramref name="afterConflict"/> prepares the next try.</summary>
    public static async Task<T> RunAsync<T>(Func<int, Task<T>> step, Func<int, Task> afterConflict, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await step(attempt);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                await afterConflict(attempt);
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>A request's step on <paramref name="db"/>: after a conflict its tracked changes are dropped, so the next try reads afresh.</summary>
    public static Task<T> RunAsync<T>(TranscriptsDb db, Func<Task<T>> step, CancellationToken cancellationToken) =>
        RunAsync(_ => step(), _ =>
        {
            db.ChangeTracker.Clear();
            return Task.CompletedTask;
        }, cancellationToken);
}
