using Transcripts.Signing.Verification.DataModel;

namespace Transcripts.Signing.Tests.Verification.DataModel;

/// <summary>The one form every signed date is written in, and that it reads back as the same instant.</summary>
public sealed class DateTimeStampTests
{
    [Fact]
    public void Format_writes_utc_with_whole_seconds_dropping_the_fraction()
    {
        var at = new DateTimeOffset(2026, 12, 3, 9, 30, 59, 999, TimeSpan.FromHours(2));

        Assert.Equal("2026-12-03T07:30:59Z", DateTimeStamp.Format(at));
    }

    [Fact]
    public void What_format_writes_parses_back_to_the_same_second()
    {
        var at = new DateTimeOffset(2024, 2, 29, 23, 59, 1, TimeSpan.FromHours(-5)).AddTicks(1234);

        Assert.True(DateTimeStamp.TryParse(DateTimeStamp.Format(at), out var parsed));
        Assert.Equal(at.AddTicks(-1234), parsed);
    }
}
