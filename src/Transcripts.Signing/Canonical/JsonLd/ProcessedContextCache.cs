using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>
/// Processed contexts, shared by every run in the process, as mature JSON-LD processors keep them: the active
/// context that results from applying a local context to an active context (API §4.1.2) with given arguments.
/// The credentials v2, Open Badges and CLR contexts and their type- and property-scoped contexts are then
/// processed once per process instead of once per node of every document.
/// <para>
/// Soundness. The result of Context Processing depends only on the key: the input active context (by identity;
/// only shared contexts, which never change, are keys), the local context (by identity when it is an unchanging
/// node — a loaded context document or a term's scoped context — and otherwise by its JSON text), the base URL,
/// the chain of remote contexts, the flags, the processing mode and the document loader (by identity: the
/// loaded documents are cached per loader, so a URL always means the same document for one loader). Only
/// successful results are stored. What processing does to the run — values counted, context documents loaded,
/// nesting reached — is stored with the result and replayed on a hit; when replaying would pass a limit of the
/// run, the caller processes the context afresh, so the run fails exactly as it would have without the cache.
/// </para>
/// <para>Bounded: at most <see cref="Capacity"/> entries; when full, the cache is emptied and refills.</para>
/// </summary>
internal static class ProcessedContextCache
{
    /// <summary>The most entries held at once.</summary>
    public const int Capacity = 2048;

    // Inline contexts (a document's own @context) are keyed by their JSON text; longer ones are not cached,
    // so that the keys stay small.
    private const int MaxInlineContextLength = 4096;

    private static readonly ConcurrentDictionary<Key, Entry> s_entries = new();
    private static readonly Lock s_gate = new();

    /// <summary>A processed context and what processing it did to the run.</summary>
    /// <param name="Result">The shared active context.</param>
    /// <param name="Nodes">How many values it counted against <see cref="Limits.MaxNodes"/>.</param>
    /// <param name="Urls">The context documents it loaded.</param>
    /// <param name="Depth">How much deeper than the caller it nested contexts.</param>
    internal sealed record Entry(ActiveContext Result, int Nodes, string[] Urls, int Depth);

    /// <summary>The arguments of one Context Processing call; see the class remarks.</summary>
    internal readonly struct Key(ActiveContext active, object local, string? baseUrl, string remoteContexts, int flags,
        IDocumentLoader loader) : IEquatable<Key>
    {
        private readonly ActiveContext _active = active;
        private readonly object _local = local;
        private readonly string? _baseUrl = baseUrl;
        private readonly string _remoteContexts = remoteContexts;
        private readonly int _flags = flags;
        private readonly IDocumentLoader _loader = loader;

        public bool Equals(Key other) =>
            ReferenceEquals(_active, other._active) && ReferenceEquals(_loader, other._loader) && _flags == other._flags
            && (_local is string text ? other._local is string otherText && string.Equals(text, otherText, StringComparison.Ordinal)
                : ReferenceEquals(_local, other._local))
            && string.Equals(_baseUrl, other._baseUrl, StringComparison.Ordinal)
            && string.Equals(_remoteContexts, other._remoteContexts, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(
            RuntimeHelpers.GetHashCode(_active),
            _local is string text ? StringComparer.Ordinal.GetHashCode(text) : RuntimeHelpers.GetHashCode(_local),
            _baseUrl is null ? 0 : StringComparer.Ordinal.GetHashCode(_baseUrl),
            StringComparer.Ordinal.GetHashCode(_remoteContexts),
            _flags,
            RuntimeHelpers.GetHashCode(_loader));
    }

    /// <summary>
    /// The key of a Context Processing call, or null when it is not cached: the active context is still being
    /// built, or the inline local context is too long (or cannot be written as JSON text).
    /// </summary>
    public static Key? KeyOf(ActiveContext active, JsonNode? local, bool localIsShared, string? baseUrl,
        List<string> remoteContexts, int flags, IDocumentLoader loader)
    {
        if (!active.IsShared)
        {
            return null;
        }
        object? localKey;
        if (local is null)
        {
            localKey = "null";
        }
        else if (localIsShared)
        {
            localKey = local;
        }
        else
        {
            localKey = TextOf(local);
            if (localKey is null)
            {
                return null;
            }
        }
        var chain = remoteContexts.Count switch
        {
            0 => "",
            1 => remoteContexts[0],
            _ => string.Join('\n', remoteContexts),
        };
        return new Key(active, localKey, baseUrl, chain, flags, loader);
    }

    public static bool TryGet(Key key, [NotNullWhen(true)] out Entry? entry) => s_entries.TryGetValue(key, out entry);

    public static void Add(Key key, Entry entry)
    {
        lock (s_gate)
        {
            if (s_entries.Count >= Capacity)
            {
                s_entries.Clear();
            }
            s_entries[key] = entry;
        }
    }

    private static string? TextOf(JsonNode local)
    {
        try
        {
            var text = local.ToJsonString();
            return text.Length <= MaxInlineContextLength ? text : null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
