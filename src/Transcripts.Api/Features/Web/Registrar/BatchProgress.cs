namespace Transcripts.Api.Features.Web.Registrar;

/// <summary>One batch's progress bar, as the dashboard and the batch's page show it (and the progress handler updates it).</summary>
internal sealed record BatchProgress(Guid Id, DateTimeOffset? CreatedAt, int Total, int Done, bool IsFinished, bool ReloadWhenFinished, string RefreshUrl)
{
    public static string Describe(int done, int total, bool isFinished) =>
        isFinished ? $"Finished: {done} of {total} learners done." : $"{done} of {total} learners done so far.";
}
