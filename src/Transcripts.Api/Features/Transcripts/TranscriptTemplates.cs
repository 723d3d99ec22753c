using System.Collections.Concurrent;
using Transcripts.Api.Features.Transcripts.Pdf;

namespace Transcripts.Api.Features.Transcripts;

/// <summary>
/// Loaded templates and their renderers, one per file and version: an edited template file is read again on its next use,
/// and a broken one fails every time with the field it gets wrong (it is never cached).
/// </summary>
internal sealed class TranscriptTemplates
{
    private readonly ConcurrentDictionary<(string Path, DateTime Written, long Length), TranscriptPdfRenderer> _renderers = new();

    /// <exception cref="TranscriptTemplateException">The template is missing or wrong; the exception names the field.</exception>
    public TranscriptPdfRenderer RendererFor(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new TranscriptTemplateException("(file)", $"the template '{path}' does not exist.");
        }
        var key = (info.FullName, info.LastWriteTimeUtc, info.Length);
        if (_renderers.TryGetValue(key, out var renderer))
        {
            return renderer;
        }
        renderer = new TranscriptPdfRenderer(TranscriptTemplateLoader.Load(path));
        foreach (var stale in _renderers.Keys.Where(k => k.Path == info.FullName && k != key))
        {
            _renderers.TryRemove(stale, out _);
        }
        return _renderers.GetOrAdd(key, renderer);
    }
}
