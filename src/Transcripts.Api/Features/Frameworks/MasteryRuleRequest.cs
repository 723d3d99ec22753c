using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Frameworks;

/// <summary>A mastery rule as a registrar states it: what <see cref="PreviewMasteryRule"/> tries and <see cref="SetMasteryRule"/> sets.</summary>
internal record MasteryRuleRequest
{
    public required MasteryMethod Method { get; init; }

    /// <summary>For a decaying average: the weight of the newest assessment, strictly between 0 and 1.</summary>
    [Range(0.01, 0.99)]
    public double DecayWeight { get; init; } = 0.65;

    /// <summary>For N-times-at-or-above-mastery: N.</summary>
    [Range(1, 50)]
    public int RequiredCount { get; init; } = 3;

    /// <summary>What the data annotations cannot say (an enum number JSON accepts but no method has), or null.</summary>
    public ProblemHttpResult? Invalid() => Enum.IsDefined(Method) ? null : Problems.Validation("method", "Unknown method.");

    /// <summary>Sets this rule's method and parameters on <paramref name="rule"/>.</summary>
    public void ApplyTo(MasteryRule rule)
    {
        rule.Method = Method;
        rule.DecayWeight = DecayWeight;
        rule.RequiredCount = RequiredCount;
    }
}
