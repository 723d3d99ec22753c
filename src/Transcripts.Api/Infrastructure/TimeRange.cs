namespace Transcripts.Api.Infrastructure;

/// <summary>A list's time filter: <c>since</c> (inclusive) to <c>until</c> (exclusive).</summary>
internal static class TimeRange
{
    /// <summary>Null when the range is usable (either end may be open); else the sentence for <c>until</c>'s error.</summary>
    public static string? Check(DateTimeOffset? since, DateTimeOffset? until) =>
        since is { } start && until is { } end && end <= start ? "The end of the time range (until) must be after its start (since)." : null;
}
