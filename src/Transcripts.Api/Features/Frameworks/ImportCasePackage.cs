using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Frameworks;

/// <summary>
/// Imports a CASE package, or with <c>?preview=true</c> answers what the import would change and every problem of the package,
/// saving nothing. Both run the same code; the preview stops before the save.
/// </summary>
internal static partial class ImportCasePackage
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>What an import did. Updated counts rows whose values changed; unchanged rows are not written.</summary>
    public sealed record Response(Guid FrameworkId, bool Created, int CompetenciesCreated, int CompetenciesUpdated, int CompetenciesUnchanged,
        int ScalesCreated, int ScalesUpdated, int ScalesUnchanged);

    /// <summary>What an import of this package would do now, and why it cannot (<see cref="Errors"/>, by JSON path).</summary>
    public sealed record Preview(bool CanImport, string? FrameworkTitle, ChangeKind? Framework, Counts Competencies, Counts Scales,
        IReadOnlyList<Change> Changes, IReadOnlyDictionary<string, string[]> Errors);

    public sealed record Counts(int New, int Updated, int Unchanged);

    /// <summary>One new or updated row: <c>framework</c>, <c>scale</c> or <c>competency</c>, by CASE identifier, with the changed fields.</summary>
    public sealed record Change(string Kind, string Identifier, string? Code, string Title, ChangeKind What, IReadOnlyList<string> Fields);

    /// <summary>The import's changes, applied to tracked entities and not yet saved.</summary>
    internal sealed record Plan(Framework Framework, bool Created, ChangeKind FrameworkChange, IReadOnlyList<Change> Changes, Counts Competencies,
        Counts Scales)
    {
        public Response ToResponse() => new(Framework.Id, Created, Competencies.New, Competencies.Updated, Competencies.Unchanged,
            Scales.New, Scales.Updated, Scales.Unchanged);

        public Preview ToPreview() => new(true, Framework.Title, FrameworkChange, Competencies, Scales, Changes, new Dictionary<string, string[]>());
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/import", Handle).WithName(nameof(ImportCasePackage))
            .WithSummary("Import a CASE CFPackage (JSON body, or multipart with a 'file' part); re-imports update in place by CASE identifier. With ?preview=true: what would change and every problem, nothing saved (registrar)")
            .RequireAuthorization(Policies.Registrar)
            .WithBodyLimit(MaxBytes)
            .Accepts<JsonElement>("application/json", "multipart/form-data")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<Results<Ok<Response>, Ok<Preview>, ProblemHttpResult>> Handle(HttpRequest http, [FromQuery] bool? preview,
        TranscriptsDb db, CurrentCaller caller, TimeProvider clock, ILogger<Response> logger, CancellationToken cancellationToken)
    {
        var body = await Uploads.ReadJsonOrFileAsync(http, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        return await ImportAsync(body.Content!, preview == true, db, caller, clock, logger, cancellationToken);
    }

    /// <summary>The import (or its preview) of a package read from <paramref name="content"/>; what the web page calls.</summary>
    public static async Task<Results<Ok<Response>, Ok<Preview>, ProblemHttpResult>> ImportAsync(Stream content, bool preview, TranscriptsDb db,
        CurrentCaller caller, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        JsonDocument json;
        try
        {
            json = await JsonDocument.ParseAsync(content, new JsonDocumentOptions { MaxDepth = 64 }, cancellationToken);
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
                return preview
                    ? TypedResults.Ok(new Preview(false, null, null, new Counts(0, 0, 0), new Counts(0, 0, 0), [], errors))
                    : Problems.ImportRejected("CASE package", errors);
            }
            var plan = await ApplyAsync(package, db, caller.InstitutionId, clock.GetUtcNow(), cancellationToken);
            if (preview)
            {
                db.ChangeTracker.Clear();
                return TypedResults.Ok(plan.ToPreview());
            }
            await db.SaveChangesAsync(cancellationToken);
            var response = plan.ToResponse();
            LogImported(logger, response.FrameworkId, response.CompetenciesCreated, response.CompetenciesUpdated);
            return TypedResults.Ok(response);
        }
    }

    /// <summary>Applies the package to the institution's tracked rows, without saving, and reads what changed.</summary>
    internal static async Task<Plan> ApplyAsync(CasePackage package, TranscriptsDb db, Guid institutionId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var changes = new List<Change>();
        void Record(string kind, string identifier, string? code, string title, (ChangeKind Kind, IReadOnlyList<string> Fields) change)
        {
            if (change.Kind != ChangeKind.Unchanged)
            {
                changes.Add(new Change(kind, identifier, code, title, change.Kind, change.Fields));
            }
        }

        var framework = await db.Frameworks.Include(f => f.Competencies)
            .SingleOrDefaultAsync(f => f.InstitutionId == institutionId && f.CaseIdentifier == package.Document.Identifier, cancellationToken);
        var created = framework is null;
        if (framework is null)
        {
            framework = new Framework { InstitutionId = institutionId, CaseIdentifier = package.Document.Identifier, Title = package.Document.Title, UpdatedAt = now };
            db.Frameworks.Add(framework);
            db.MasteryRules.Add(new MasteryRule { FrameworkId = framework.Id });
        }
        framework.Title = package.Document.Title;
        framework.Creator = package.Document.Creator;
        framework.Description = package.Document.Description;
        framework.CaseVersion = package.Document.Version;

        var scaleCounts = new int[3];
        foreach (var rubric in package.Rubrics)
        {
            var scale = await db.Scales.Include(s => s.Levels)
                .SingleOrDefaultAsync(s => s.InstitutionId == institutionId && s.CaseIdentifier == rubric.Identifier, cancellationToken);
            if (scale is null)
            {
                scale = new ProficiencyScale { InstitutionId = institutionId, CaseIdentifier = rubric.Identifier, Title = rubric.Title };
                db.Scales.Add(scale);
            }
            scale.Title = rubric.Title;
            var ordered = rubric.Levels.OrderBy(l => l.Score ?? l.Position).ThenBy(l => l.Position).ToList();
            var levelsChanged = false;
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
                levelsChanged |= TrackedChanges.Of(db, level).Kind != ChangeKind.Unchanged;
            }
            // The mastery threshold: the level below the top on scales of three or more levels (a 4-level scale's
            // "proficient"), the top level otherwise. A registrar moves it with PUT /scales/{id}.
            scale.MasteryLevelId ??= scale.Levels.OrderBy(l => l.Ordinal).ElementAt(Math.Max(0, scale.Levels.Count - (scale.Levels.Count >= 3 ? 2 : 1))).Id;
            framework.ScaleId ??= scale.Id;
            var scaleChange = TrackedChanges.Of(db, scale);
            if (scaleChange.Kind != ChangeKind.New && levelsChanged)
            {
                scaleChange = (ChangeKind.Updated, [.. scaleChange.Fields, "levels"]);
            }
            Record("scale", rubric.Identifier, null, rubric.Title, scaleChange);
            scaleCounts[(int)scaleChange.Kind]++;
        }

        var existing = framework.Competencies.Where(c => c.CaseIdentifier is not null).ToDictionary(c => c.CaseIdentifier!, StringComparer.Ordinal);
        foreach (var item in package.Items)
        {
            if (!existing.TryGetValue(item.Identifier, out var competency))
            {
                competency = new Competency { FrameworkId = framework.Id, CaseIdentifier = item.Identifier, FullStatement = item.FullStatement };
                framework.Competencies.Add(competency);
                db.Competencies.Add(competency);
                existing[item.Identifier] = competency;
            }
            competency.FullStatement = item.FullStatement;
            competency.HumanCode = item.HumanCode;
            competency.AbbreviatedStatement = item.Abbreviated;
            competency.ItemType = item.ItemType;
            competency.ListOrder = item.Order;
        }
        var competencyCounts = new int[3];
        foreach (var item in package.Items)
        {
            var competency = existing[item.Identifier];
            competency.ParentId = item.ParentIdentifier is null ? null : existing[item.ParentIdentifier].Id;
            var change = TrackedChanges.Of(db, competency);
            Record("competency", item.Identifier, item.HumanCode, item.FullStatement, change);
            competencyCounts[(int)change.Kind]++;
        }
        var frameworkChange = TrackedChanges.Of(db, framework);
        if (frameworkChange.Kind != ChangeKind.Unchanged || changes.Count > 0)
        {
            framework.UpdatedAt = now;
        }
        if (frameworkChange.Kind != ChangeKind.Unchanged)
        {
            changes.Insert(0, new Change("framework", package.Document.Identifier, null, package.Document.Title, frameworkChange.Kind, frameworkChange.Fields));
        }
        return new Plan(framework, created, frameworkChange.Kind, changes, CountsOf(competencyCounts), CountsOf(scaleCounts));
    }

    private static Counts CountsOf(int[] byKind) => new(byKind[(int)ChangeKind.New], byKind[(int)ChangeKind.Updated], byKind[(int)ChangeKind.Unchanged]);

    [LoggerMessage(LogEvents.CasePackageImported, LogLevel.Information, "CASE package imported into framework {FrameworkId}: {Created} competencies created, {Updated} updated")]
    private static partial void LogImported(ILogger logger, Guid frameworkId, int created, int updated);
}
