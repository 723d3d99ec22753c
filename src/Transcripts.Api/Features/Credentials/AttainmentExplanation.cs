using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Credentials;

/// <summary>
/// The short factual explanation an institution may sign into each achievement credential: the rule that gave the level
/// (or that a registrar awarded it) and the dates and levels of the assessments the rule used, oldest first. No feedback,
/// no registrar's free text, no assessor. It travels as an OB 3.0 <c>Evidence</c> entry whose <c>genre</c> is
/// <see cref="Genre"/>, where OB 3.0 puts "the process of achievement that led to an assertion".
/// </summary>
internal static class AttainmentExplanation
{
    public const string Genre = "Explanation";
    public const string Name = "How the level was reached";
    /// <summary>At most this many assessments are listed (the most recent); the text says how many earlier ones there were.</summary>
    public const int MaxListed = 12;

    public static JsonObject Evidence(AchievementFacts facts) => new()
    {
        ["type"] = new JsonArray("Evidence"),
        ["name"] = Name,
        ["genre"] = Genre,
        ["narrative"] = Text(facts),
    };

    public static string Text(AchievementFacts facts)
    {
        var attainment = facts.Attainment;
        var levels = facts.Scale.Levels.ToDictionary(l => l.Id);
        var level = attainment.LevelId is { } id && levels.TryGetValue(id, out var reached) ? reached.Title : "?";
        if (attainment.Source == AttainmentSource.Award)
        {
            return $"Level \"{level}\" was awarded directly by a registrar of the institution.";
        }
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Level \"{level}\" was reached by the framework's rule: {Rule(attainment.Method)}");
        if (attainment.Parameters is { Length: > 0 } parameters)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({parameters})");
        }
        var used = facts.Assessments.OrderBy(a => a.AssessedOn).ToList();
        if (used.Count == 0)
        {
            return text.Append('.').ToString();
        }
        var listed = used.Skip(Math.Max(0, used.Count - MaxListed)).ToList();
        text.Append(CultureInfo.InvariantCulture, $", over {used.Count} assessment{(used.Count == 1 ? "" : "s")}: ");
        if (listed.Count < used.Count)
        {
            text.Append(CultureInfo.InvariantCulture, $"{used.Count - listed.Count} earlier, then ");
        }
        text.AppendJoin("; ", listed.Select(a => $"{a.AssessedOn:yyyy-MM-dd} \"{(levels.TryGetValue(a.LevelId, out var l) ? l.Title : "?")}\""));
        return text.Append('.').ToString();
    }

    private static string Rule(MasteryMethod method) => method switch
    {
        MasteryMethod.MostRecent => "the most recent assessment counts",
        MasteryMethod.Highest => "the highest assessment counts",
        MasteryMethod.Mean => "the mean of the assessments",
        MasteryMethod.DecayingAverage => "a decaying average, newer assessments weighing more",
        MasteryMethod.PowerLaw => "a power-law trend of the assessments",
        MasteryMethod.NTimesAtOrAboveMastery => "mastery shown a required number of times",
        _ => method.ToString(),
    };
}
