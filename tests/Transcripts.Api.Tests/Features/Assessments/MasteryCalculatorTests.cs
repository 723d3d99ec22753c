using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Assessments;

namespace Transcripts.Api.Tests.Features.Assessments;

/// <summary>Worked examples on a 1–4 scale whose mastery score is 3; scores are oldest first.</summary>
public sealed class MasteryCalculatorTests
{
    private const double Mastery = 3;

    private static MasteryOutcome Run(MasteryMethod method, double[] scores, double weight = 0.65, int count = 3) =>
        MasteryCalculator.For(new MasteryRule { Method = method, DecayWeight = weight, RequiredCount = count }).Calculate(scores, Mastery);

    [Fact]
    public void Most_recent_takes_the_last_score()
    {
        var outcome = Run(MasteryMethod.MostRecent, [2, 4, 3]);
        Assert.Equal(3, outcome.Score);
        Assert.True(outcome.IsAttained);
        Assert.Equal("most recent of [2, 4, 3] = 3; mastery needs 3", outcome.Arithmetic);
    }

    [Fact]
    public void Most_recent_is_not_attained_after_a_late_drop() =>
        Assert.False(Run(MasteryMethod.MostRecent, [4, 4, 2]).IsAttained);

    [Fact]
    public void Highest_takes_the_maximum()
    {
        var outcome = Run(MasteryMethod.Highest, [2, 4, 1]);
        Assert.Equal(4, outcome.Score);
        Assert.True(outcome.IsAttained);
        Assert.Equal("max(2, 4, 1) = 4; mastery needs 3", outcome.Arithmetic);
    }

    [Fact]
    public void Mean_averages_every_score()
    {
        Assert.Equal(3, Run(MasteryMethod.Mean, [2, 3, 4, 3]).Score);
        var below = Run(MasteryMethod.Mean, [1, 2, 3]);
        Assert.Equal(2, below.Score);
        Assert.False(below.IsAttained);
        Assert.Equal("(1 + 2 + 3) / 3 = 2; mastery needs 3", below.Arithmetic);
    }

    [Fact]
    public void Decaying_average_weights_each_new_score_by_the_weight()
    {
        // 2 → 2×0.35 + 3×0.65 = 2.65 → 2.65×0.35 + 4×0.65 = 3.5275
        var outcome = Run(MasteryMethod.DecayingAverage, [2, 3, 4], weight: 0.65);
        Assert.Equal(3.5275, outcome.Score, 10);
        Assert.True(outcome.IsAttained);
        Assert.Equal("start 2; 2×0.35 + 3×0.65 = 2.65; 2.65×0.35 + 4×0.65 = 3.5275; mastery needs 3", outcome.Arithmetic);
    }

    [Fact]
    public void Decaying_average_with_weight_one_half()
    {
        // 4 → 4×0.5 + 2×0.5 = 3 → 3×0.5 + 2×0.5 = 2.5
        var outcome = Run(MasteryMethod.DecayingAverage, [4, 2, 2], weight: 0.5);
        Assert.Equal(2.5, outcome.Score, 10);
        Assert.False(outcome.IsAttained);
    }

    [Fact]
    public void Power_law_fits_exactly_a_power_curve()
    {
        // 1, 2, 3, 4 lie on score = 1·t¹, so the prediction at t = 4 is 4.
        var outcome = Run(MasteryMethod.PowerLaw, [1, 2, 3, 4]);
        Assert.Equal(4, outcome.Score, 9);
        Assert.Equal("fit of [1, 2, 3, 4] at attempts 1..4: score = 1·t^1; at t = 4: 4; mastery needs 3", outcome.Arithmetic);
    }

    [Fact]
    public void Power_law_least_squares_on_logarithms()
    {
        // ln y = ln a + b ln t over (1,2), (2,3), (3,3), (4,4): a = 2.0306, b = 0.4541, at t = 4: 3.8111.
        Assert.Equal(3.8111215, Run(MasteryMethod.PowerLaw, [2, 3, 3, 4]).Score, 6);
        // A falling series: a = 3.5368, b = −0.3413, at t = 3: 2.4308 — not yet mastery.
        var falling = Run(MasteryMethod.PowerLaw, [4, 2, 3]);
        Assert.Equal(2.4307877, falling.Score, 6);
        Assert.False(falling.IsAttained);
    }

    [Fact]
    public void Power_law_of_one_score_is_that_score() =>
        Assert.Equal(2, Run(MasteryMethod.PowerLaw, [2]).Score);

    [Fact]
    public void N_times_is_attained_at_the_nth_highest_score_at_or_above_mastery()
    {
        var outcome = Run(MasteryMethod.NTimesAtOrAboveMastery, [3, 1, 4], count: 2);
        Assert.True(outcome.IsAttained);
        Assert.Equal(3, outcome.Score);
    }

    [Fact]
    public void N_times_is_not_attained_with_too_few_and_stands_at_the_most_recent()
    {
        var outcome = Run(MasteryMethod.NTimesAtOrAboveMastery, [3, 1, 2], count: 2);
        Assert.False(outcome.IsAttained);
        Assert.Equal(2, outcome.Score);
        Assert.Contains("1 of [3, 1, 2] at or above mastery 3, 2 needed", outcome.Arithmetic);
    }
}
