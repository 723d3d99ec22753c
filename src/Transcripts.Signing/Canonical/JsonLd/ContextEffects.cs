namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>
/// What Context Processing does to the run — values counted against <see cref="Limits.MaxNodes"/>, context
/// documents loaded against <see cref="Limits.MaxContextLoads"/>, contexts nested against <see cref="Limits.MaxDepth"/> —
/// recorded while a context is processed so that the <see cref="ProcessedContextCache"/> can replay it on a hit.
/// Recordings nest as Process calls do: what an inner call did (processed or replayed) counts for the outer ones.
/// </summary>
internal sealed partial class ContextProcessor
{
    private readonly Stack<Recorder> _recorders = new();

    private sealed class Recorder(int startDepth)
    {
        public int Nodes { get; set; }
        public HashSet<string> Urls { get; } = new(StringComparer.Ordinal);
        public int MaxDepth { get; set; } = startDepth;
        public int StartDepth { get; } = startDepth;

        public ProcessedContextCache.Entry ToEntry(ActiveContext result) =>
            new(result, Nodes, [.. Urls], MaxDepth - StartDepth);
    }

    private Recorder BeginRecording()
    {
        var recorder = new Recorder(Run.ContextDepth);
        _recorders.Push(recorder);
        return recorder;
    }

    // Also after a failure: what was done before it still happened to the run.
    private void EndRecording(Recorder recorder)
    {
        _recorders.Pop();
        if (_recorders.TryPeek(out var outer))
        {
            outer.Nodes += recorder.Nodes;
            outer.Urls.UnionWith(recorder.Urls);
            outer.MaxDepth = Math.Max(outer.MaxDepth, recorder.MaxDepth);
        }
    }

    private void CountContextNode()
    {
        Run.CountNode();
        if (_recorders.TryPeek(out var recorder))
        {
            recorder.Nodes++;
        }
    }

    private void EnterContext()
    {
        Run.EnterContext();
        if (_recorders.TryPeek(out var recorder))
        {
            recorder.MaxDepth = Math.Max(recorder.MaxDepth, Run.ContextDepth);
        }
    }

    private void RecordLoad(string url)
    {
        if (_recorders.TryPeek(out var recorder))
        {
            recorder.Urls.Add(url);
        }
    }

    /// <summary>
    /// Applies a cached result's effects to the run, or returns false — changing nothing — when they would pass a
    /// limit; the caller then processes the context afresh and fails with the same error as without the cache.
    /// </summary>
    private bool TryReplay(ProcessedContextCache.Entry entry)
    {
        var newUrls = 0;
        foreach (var url in entry.Urls)
        {
            if (!Run.LoadedUrls.Contains(url))
            {
                newUrls++;
            }
        }
        var limits = Run.Limits;
        if (Run.ContextDepth + entry.Depth > limits.MaxDepth || Run.Nodes + entry.Nodes > limits.MaxNodes
            || Run.LoadedUrls.Count + newUrls > limits.MaxContextLoads)
        {
            return false;
        }
        Run.CountNodes(entry.Nodes);
        Run.LoadedUrls.UnionWith(entry.Urls);
        if (_recorders.TryPeek(out var recorder))
        {
            recorder.Nodes += entry.Nodes;
            recorder.Urls.UnionWith(entry.Urls);
            recorder.MaxDepth = Math.Max(recorder.MaxDepth, Run.ContextDepth + entry.Depth);
        }
        return true;
    }
}
