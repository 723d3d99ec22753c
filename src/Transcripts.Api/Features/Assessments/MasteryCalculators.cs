using System.Globalization;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Assessments;

/// <summary>What a rule made of a learner's assessment scores on one competency, and how.</summary>
internal sealed record MasteryOutcome(double Score, bool IsAttained, string Arithmetic);

/// <summary>
/// One of the calculation methods standards-based grading tools use to turn a series of rubric scores
/// into a standing. Pure: scores come oldest first; the mastery score is the scale's threshold.
/// </summary>
internal interface IMasteryCalculator
{
    string Parameters { get; }

    MasteryOutcome Calculate(IReadOnlyList<double> scoresOldestFirst, double masteryScore);
}

internal static class MasteryCalculator
{
    public static IMasteryCalculator For(MasteryRule rule) => rule.Method switch
    {
        MasteryMethod.MostRecent => new MostRecentCalculator(),
        MasteryMethod.Highest => new HighestCalculator(),
        MasteryMethod.Mean => new MeanCalculator(),
        MasteryMethod.DecayingAverage => new DecayingAverageCalculator(rule.DecayWeight),
        MasteryMethod.PowerLaw => new PowerLawCalculator(),
        MasteryMethod.NTimesAtOrAboveMastery => new NTimesAtOrAboveMasteryCalculator(rule.RequiredCount),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Method, "Unknown mastery method."),
    };

    internal const double Tolerance = 1e-9;

    internal static string F(double value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);

    internal static MasteryOutcome Outcome(double score, double masteryScore, string arithmetic) =>
        new(score, score + Tolerance >= masteryScore, $"{arithmetic}; mastery needs {F(masteryScore)}");
}

internal sealed class MostRecentCalculator : IMasteryCalculator
{
    public string Parameters => "";

    public MasteryOutcome Calculate(IReadOnlyList<double> scores, double masteryScore) =>
        MasteryCalculator.Outcome(scores[^1], masteryScore, $"most recent of [{string.Join(", ", scores.Select(MasteryCalculator.F))}] = {MasteryCalculator.F(scores[^1])}");
}

internal sealed class HighestCalculator : IMasteryCalculator
{
    public string Parameters => "";

    public MasteryOutcome Calculate(IReadOnlyList<double> scores, double masteryScore) =>
        MasteryCalculator.Outcome(scores.Max(), masteryScore, $"max({string.Join(", ", scores.Select(MasteryCalculator.F))}) = {MasteryCalculator.F(scores.Max())}");
}

internal sealed class MeanCalculator : IMasteryCalculator
{
    public string Parameters => "";

    public MasteryOutcome Calculate(IReadOnlyList<double> scores, double masteryScore)
    {
        var mean = scores.Sum() / scores.Count;
        return MasteryCalculator.Outcome(mean, masteryScore,
            $"({string.Join(" + ", scores.Select(MasteryCalculator.F))}) / {scores.Count} = {MasteryCalculator.F(mean)}");
    }
}

/// <summary>Each new score counts <c>weight</c>, the running average the rest: s = s·(1−w) + x·w, starting from the first score.</summary>
internal sealed class DecayingAverageCalculator(double weight) : IMasteryCalculator
{
    public string Parameters => "weight " + MasteryCalculator.F(weight);

    public MasteryOutcome Calculate(IReadOnlyList<double> scores, double masteryScore)
    {
        var average = scores[0];
        var steps = new List<string> { $"start {MasteryCalculator.F(average)}" };
        foreach (var score in scores.Skip(1))
        {
            var next = (average * (1 - weight)) + (score * weight);
            steps.Add($"{MasteryCalculator.F(average)}×{MasteryCalculator.F(1 - weight)} + {MasteryCalculator.F(score)}×{MasteryCalculator.F(weight)} = {MasteryCalculator.F(next)}");
            average = next;
        }
        return MasteryCalculator.Outcome(average, masteryScore, string.Join("; ", steps));
    }
}

/// <summary>
/// Marzano's power law: fit score = a·tᵇ over attempts t = 1…n by least squares on logarithms, and take the
/// fitted value at the latest attempt t = n. One score is its own prediction.
/// </summary>
internal sealed class PowerLawCalculator : IMasteryCalculator
{
    public string Parameters => "";

    public MasteryOutcome Calculate(IReadOnlyList<double> scores, double masteryScore)
    {
        if (scores.Count == 1)
        {
            return MasteryCalculator.Outcome(scores[0], masteryScore, $"one score: {MasteryCalculator.F(scores[0])}");
        }
        var n = scores.Count;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            var x = Math.Log(i + 1);
            var y = Math.Log(scores[i]);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        var b = ((n * sxy) - (sx * sy)) / ((n * sxx) - (sx * sx));
        var lnA = (sy - (b * sx)) / n;
        var a = Math.Exp(lnA);
        var predicted = a * Math.Pow(n, b);
        return MasteryCalculator.Outcome(predicted, masteryScore,
            $"fit of [{string.Join(", ", scores.Select(MasteryCalculator.F))}] at attempts 1..{n}: score = {MasteryCalculator.F(a)}·t^{MasteryCalculator.F(b)}; at t = {n}: {MasteryCalculator.F(predicted)}");
    }
}

/// <summary>Attained when at least N scores reach mastery; the standing is then the N-th highest score, else the most recent.</summary>
internal sealed class NTimesAtOrAboveMasteryCalculator(int required) : IMasteryCalculator
{
    public string Parameters => $"{required} times";

    public MasteryOutcome Calculate(IReadOnlyList<double> scores, double masteryScore)
    {
        var atOrAbove = scores.Where(s => s + MasteryCalculator.Tolerance >= masteryScore).OrderByDescending(s => s).ToList();
        var list = string.Join(", ", scores.Select(MasteryCalculator.F));
        if (atOrAbove.Count >= required)
        {
            var score = atOrAbove[required - 1];
            return new MasteryOutcome(score, true,
                $"{atOrAbove.Count} of [{list}] at or above mastery {MasteryCalculator.F(masteryScore)}, {required} needed; standing = the {required}. highest of those = {MasteryCalculator.F(score)}");
        }
        return new MasteryOutcome(scores[^1], false,
            $"{atOrAbove.Count} of [{list}] at or above mastery {MasteryCalculator.F(masteryScore)}, {required} needed; not yet: standing = most recent {MasteryCalculator.F(scores[^1])}");
    }
}
