using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Web;

/// <summary>The records' terms in the words a learner or a parent reads.</summary>
internal static class Words
{
    public static string Status(AttainmentStatus status) => status switch
    {
        AttainmentStatus.Attained => "Attained",
        AttainmentStatus.InProgress => "In progress",
        _ => "Withdrawn",
    };

    public static string Method(MasteryMethod method, string? parameters) => method switch
    {
        MasteryMethod.MostRecent => "your most recent assessment counts",
        MasteryMethod.Highest => "your highest assessment counts",
        MasteryMethod.Mean => "the average of your assessments counts",
        MasteryMethod.DecayingAverage => "a weighted average counts, in which newer assessments weigh more" + Parameters(parameters),
        MasteryMethod.PowerLaw => "the trend of your assessments over time counts (a power-law fit)",
        MasteryMethod.NTimesAtOrAboveMastery => "you need to reach the mastery level a set number of times" + Parameters(parameters),
        _ => method.ToString(),
    };

    /// <summary>A person's role as a sentence says it ("signed in as an admin", "invited as a guardian").</summary>
    public static string RoleName(string role, bool isGuardian) => isGuardian ? "a guardian" : role switch
    {
        Roles.Admin => "an admin",
        Roles.Assessor => "an assessor",
        Roles.Operator => "the service's operator",
        _ => "a " + role,
    };

    private static string Parameters(string? parameters) => string.IsNullOrEmpty(parameters) ? "" : $" ({parameters})";
}
