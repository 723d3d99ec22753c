using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Frameworks;

internal sealed record FrameworkSummary(Guid Id, string Title, string? CaseIdentifier, string? Creator, Guid? ScaleId, int Version)
{
    public static FrameworkSummary From(Framework f) => new(f.Id, f.Title, f.CaseIdentifier, f.Creator, f.ScaleId, f.RowVersion);
}

internal sealed record CompetencyResponse(Guid Id, Guid FrameworkId, Guid? ParentId, string? CaseIdentifier, string? HumanCode,
    string FullStatement, string? AbbreviatedStatement, string? ItemType, int ListOrder, int Version)
{
    public static CompetencyResponse From(Competency c) => new(c.Id, c.FrameworkId, c.ParentId, c.CaseIdentifier, c.HumanCode,
        c.FullStatement, c.AbbreviatedStatement, c.ItemType, c.ListOrder, c.RowVersion);
}

internal sealed record MasteryRuleResponse(MasteryMethod Method, double DecayWeight, int RequiredCount, int Version)
{
    public static MasteryRuleResponse From(MasteryRule r) => new(r.Method, r.DecayWeight, r.RequiredCount, r.RowVersion);
}

internal sealed record FrameworkResponse(Guid Id, string Title, string? CaseIdentifier, string? Creator, string? Description,
    string? CaseVersion, Guid? ScaleId, MasteryRuleResponse? MasteryRule, IReadOnlyList<CompetencyResponse> Competencies, int Version)
{
    public static FrameworkResponse From(Framework f, MasteryRule? rule) => new(f.Id, f.Title, f.CaseIdentifier, f.Creator,
        f.Description, f.CaseVersion, f.ScaleId, rule is null ? null : MasteryRuleResponse.From(rule),
        f.Competencies.OrderBy(c => c.ListOrder).ThenBy(c => c.HumanCode).Select(CompetencyResponse.From).ToList(), f.RowVersion);
}

internal sealed record LevelResponse(Guid Id, int Ordinal, string Title, string? Description, double Score, bool IsMastery);

internal sealed record ScaleResponse(Guid Id, string Title, string? Description, string? CaseIdentifier, Guid? MasteryLevelId,
    IReadOnlyList<LevelResponse> Levels, int Version)
{
    public static ScaleResponse From(ProficiencyScale s)
    {
        var mastery = s.Levels.FirstOrDefault(l => l.Id == s.MasteryLevelId);
        return new(s.Id, s.Title, s.Description, s.CaseIdentifier, s.MasteryLevelId,
            s.Levels.OrderBy(l => l.Ordinal)
                .Select(l => new LevelResponse(l.Id, l.Ordinal, l.Title, l.Description, l.Score, mastery is not null && l.Score >= mastery.Score))
                .ToList(), s.RowVersion);
    }
}
