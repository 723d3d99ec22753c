namespace Transcripts.Api.Hosting;

/// <summary>
/// Holds the start-up work (<see cref="StartupTasks"/>) after the server listens and before it begins, until
/// <see cref="Release"/>: registered only by tests, which show that a request arriving meanwhile waits for that work.
/// The service never registers one.
/// </summary>
internal sealed class StartupHold
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the start-up work has reached the hold (the server is listening by then).</summary>
    public Task Reached => _reached.Task;

    public void Release() => _released.TrySetResult();

    internal Task WaitAsync(CancellationToken cancellationToken)
    {
        _reached.TrySetResult();
        return _released.Task.WaitAsync(cancellationToken);
    }
}
