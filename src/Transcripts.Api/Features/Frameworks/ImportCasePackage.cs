using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Frameworks;

internal static partial class ImportCasePackage
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public sealed record Response(Guid FrameworkId, bool Created, int CompetenciesCreated, int CompetenciesUpdated,
        int ScalesCreated, int ScalesUpdated);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/import", Handle).WithName(nameof(ImportCasePackage))
            .WithSummary("Import a CASE CFPackage (JSON body, or multipart with a 'file' part); re-imports update in place by CASE identifier (registrar)")
            .RequireAuthorization(Policies.Registrar)
            .WithBodyLimit(MaxBytes)
            .Accepts<JsonElement>("application/json", "multipart/form-data")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(HttpRequest http, TranscriptsDb db,
        CurrentCaller caller, TimeProvider clock, ILogger<Response> logger, CancellationToken cancellationToken)
    {
        var body = await Uploads.ReadJsonOrFileAsync(http, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        JsonDocument json;
        try
        {
            json = await JsonDocument.ParseAsync(body.Content!, new JsonDocumentOptions { MaxDepth = 64 }, cancellationToken);
        }
        catch (JsonException e)
        {
            return Problems.MalformedJson("The package is not valid JSON",
                $"The package could not be read as JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).", "$", "Not valid JSON.");
        }
        using (json)
        {
            var (package, errors) = CasePackage.Read(json.RootElement);
            if (package is null)
            {
                return Problems.ImportRejected("CASE package", errors);
            }
            var response = await ApplyAsync(package, db, caller.InstitutionId, clock.GetUtcNow(), cancellationToken);
            LogImported(logger, response.FrameworkId, response.CompetenciesCreated, response.CompetenciesUpdated);
            return TypedResults.Ok(response);
        }
    }

    internal static async Task<Response> ApplyAsync(CasePackage package, TranscriptsDb db, Guid institutionId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var framework = await db.Frameworks.Include(f => f.Competencies)
            .SingleOrDefaultAsync(f => f.InstitutionId == institutionId && f.CaseIdentifier == package.Document.Identifier, cancellationToken);
        var created = framework is null;
        if (framework is null)
        {
            framework = new Framework { InstitutionId = institutionId, CaseIdentifier = package.Document.Identifier, Title = package.Document.Title };
            db.Frameworks.Add(framework);
            db.MasteryRules.Add(new MasteryRule { FrameworkId = framework.Id });
        }
        framework.Title = package.Document.Title;
        framework.Creator = package.Document.Creator;
        framework.Description = package.Document.Description;
        framework.CaseVersion = package.Document.Version;
        framework.UpdatedAt = now;

        var (scalesCreated, scalesUpdated) = (0, 0);
        foreach (var rubric in package.Rubrics)
        {
            var scale = await db.Scales.Include(s => s.Levels)
                .SingleOrDefaultAsync(s => s.InstitutionId == institutionId && s.CaseIdentifier == rubric.Identifier, cancellationToken);
            if (scale is null)
            {
                scale = new ProficiencyScale { InstitutionId = institutionId, CaseIdentifier = rubric.Identifier, Title = rubric.Title };
                db.Scales.Add(scale);
                scalesCreated++;
            }
            else
            {
                scalesUpdated++;
            }
            scale.Title = rubric.Title;
            var ordered = rubric.Levels.OrderBy(l => l.Score ?? l.Position).ThenBy(l => l.Position).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var source = ordered[i];
                var level = scale.Levels.SingleOrDefault(l => l.CaseIdentifier == source.Identifier);
                if (level is null)
                {
                    level = new Level { ScaleId = scale.Id, CaseIdentifier = source.Identifier, Title = source.Quality };
                    scale.Levels.Add(level);
                    db.Levels.Add(level);
                }
                level.Ordinal = i + 1;
                level.Title = source.Quality;
                level.Description = source.Description;
                level.Score = source.Score is > 0 ? source.Score.Value : i + 1;
            }
            // The mastery threshold: the level below the top on scales of three or more levels (a 4-level scale's
            // "proficient"), the top level otherwise. A registrar moves it with PUT /scales/{id}.
            scale.MasteryLevelId ??= scale.Levels.OrderBy(l => l.Ordinal).ElementAt(Math.Max(0, scale.Levels.Count - (scale.Levels.Count >= 3 ? 2 : 1))).Id;
            framework.ScaleId ??= scale.Id;
        }

        var existing = framework.Competencies.Where(c => c.CaseIdentifier is not null).ToDictionary(c => c.CaseIdentifier!, StringComparer.Ordinal);
        var (competenciesCreated, competenciesUpdated) = (0, 0);
        foreach (var item in package.Items)
        {
            if (!existing.TryGetValue(item.Identifier, out var competency))
            {
                competency = new Competency { FrameworkId = framework.Id, CaseIdentifier = item.Identifier, FullStatement = item.FullStatement };
                framework.Competencies.Add(competency);
                db.Competencies.Add(competency);
                existing[item.Identifier] = competency;
                competenciesCreated++;
            }
            else
            {
                competenciesUpdated++;
            }
            competency.FullStatement = item.FullStatement;
            competency.HumanCode = item.HumanCode;
            competency.AbbreviatedStatement = item.Abbreviated;
            competency.ItemType = item.ItemType;
            competency.ListOrder = item.Order;
        }
        foreach (var item in package.Items)
        {
            existing[item.Identifier].ParentId = item.ParentIdentifier is null ? null : existing[item.ParentIdentifier].Id;
        }
        await db.SaveChangesAsync(cancellationToken);
        return new Response(framework.Id, created, competenciesCreated, competenciesUpdated, scalesCreated, scalesUpdated);
    }

    [LoggerMessage(LogEvents.CasePackageImported, LogLevel.Information, "CASE package imported into framework {FrameworkId}: {Created} competencies created, {Updated} updated")]
    private static partial void LogImported(ILogger logger, Guid frameworkId, int created, int updated);
}
