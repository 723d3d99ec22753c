using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Learners;

/// <summary>
/// Imports learners from a CSV file, or with <c>?preview=true</c> answers what the import would change (each row new, updated
/// with its changed fields, or unchanged) and every bad row, saving nothing. Both run the same code; the preview stops before the save.
/// </summary>
internal static partial class ImportLearners
{
    /// <summary>What an import did. Updated counts learners whose values changed; unchanged learners are not written.</summary>
    public sealed record Response(int Created, int Updated, int Unchanged, int Skipped);

    /// <summary>What an import of this file would do now; any <see cref="Errors"/> (by line) reject the whole file.</summary>
    public sealed record Preview(bool CanImport, int Created, int Updated, int Unchanged, int Skipped, IReadOnlyList<RowChange> Rows,
        IReadOnlyDictionary<string, string[]> Errors);

    /// <summary>One good row of the file and what importing it does: the fields are those that change (<c>name</c>, <c>email</c>, <c>dateOfBirth</c>, <c>identifiers</c>).</summary>
    public sealed record RowChange(int Line, string Name, ChangeKind What, IReadOnlyList<string> Fields);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/import", Handle).WithName(nameof(ImportLearners))
            .WithSummary("Import learners from CSV (name,identifiers,email,dateOfBirth) or a OneRoster 1.1 users.csv, as text/csv or a multipart 'file' (registrar). A learner whose identifier is known is updated. Any bad row rejects the file, listing every bad row. With ?preview=true: what would change and every bad row, nothing saved")
            .RequireAuthorization(Policies.Registrar)
            .WithBodyLimit<LearnerImportOptions>(o => o.MaxBytes + LearnerImportOptions.MultipartOverhead)
            .Accepts<string>("text/csv", "multipart/form-data")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<Results<Ok<Response>, Ok<Preview>, ProblemHttpResult>> Handle(HttpRequest http, [FromQuery] bool? preview,
        TranscriptsDb db, CurrentCaller caller, TimeProvider clock, IOptions<LearnerImportOptions> options, ILogger<Response> logger,
        CancellationToken cancellationToken)
    {
        if (http.ContentLength > options.Value.MaxBytes)
        {
            return Problems.PayloadTooLarge(options.Value.MaxBytes);
        }
        var body = await Uploads.ReadAsync(http, ["text/csv"], cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        return await ImportAsync(body.Content!, preview == true, db, caller, clock, options.Value, logger, cancellationToken);
    }

    /// <summary>The import (or its preview) of the CSV read from <paramref name="content"/>; what the web page calls.</summary>
    public static async Task<Results<Ok<Response>, Ok<Preview>, ProblemHttpResult>> ImportAsync(Stream content, bool preview, TranscriptsDb db,
        CurrentCaller caller, TimeProvider clock, LearnerImportOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var csv = await Csv.ReadAsync(content, options.MaxBytes, options.MaxRows, cancellationToken);
        if (csv.IsTooLarge)
        {
            return Problems.PayloadTooLarge(options.MaxBytes);
        }
        if (csv.Rows is null)
        {
            return Problems.ImportRejected("learner file", new Dictionary<string, string[]> { ["file"] = [csv.Error!] });
        }
        var now = clock.GetUtcNow();
        var (rows, errors, skipped) = LearnerCsv.Read(csv.Rows, DateOnly.FromDateTime(now.UtcDateTime));
        if (errors.Count > 0 && !preview)
        {
            return Problems.ImportRejected("learner file", errors);
        }
        var changes = await ApplyAsync(rows, errors, db, caller.InstitutionId, now, cancellationToken);
        int Count(ChangeKind kind) => changes.Count(c => c.What == kind);
        if (preview)
        {
            db.ChangeTracker.Clear();
            return TypedResults.Ok(new Preview(errors.Count == 0, Count(ChangeKind.New), Count(ChangeKind.Updated), Count(ChangeKind.Unchanged),
                skipped, changes, errors));
        }
        if (errors.Count > 0)
        {
            return Problems.ImportRejected("learner file", errors);
        }
        await db.SaveChangesAsync(cancellationToken);
        var response = new Response(Count(ChangeKind.New), Count(ChangeKind.Updated), Count(ChangeKind.Unchanged), skipped);
        LogImported(logger, response.Created, response.Updated, skipped);
        return TypedResults.Ok(response);
    }

    /// <summary>
    /// Applies the good rows to the institution's tracked learners, without saving, and reads what each changes; a row whose
    /// identifiers belong to different existing learners is an error, added to <paramref name="errors"/>.
    /// </summary>
    private static async Task<List<RowChange>> ApplyAsync(List<LearnerRow> rows, Dictionary<string, string[]> errors, TranscriptsDb db,
        Guid institutionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var known = await db.LearnerIdentifiers.Where(i => i.InstitutionId == institutionId)
            .Select(i => new { i.Scheme, i.Value, i.LearnerId }).ToListAsync(cancellationToken);
        var owner = known.ToDictionary(i => (i.Scheme, i.Value), i => i.LearnerId);
        var plan = new List<(LearnerRow Row, Guid? Existing)>();
        foreach (var row in rows)
        {
            var matches = row.Identifiers.Select(i => owner.GetValueOrDefault((i.Scheme, i.Value))).Where(id => id != Guid.Empty).Distinct().ToList();
            if (matches.Count > 1)
            {
                errors[$"line {row.Line}"] = ["its identifiers belong to different existing learners"];
                continue;
            }
            plan.Add((row, matches.Count == 1 ? matches[0] : null));
        }
        var ids = plan.Where(p => p.Existing is not null).Select(p => p.Existing!.Value).Distinct().ToList();
        var existing = await db.Learners.Include(l => l.Identifiers).Where(l => l.InstitutionId == institutionId && ids.Contains(l.Id))
            .ToDictionaryAsync(l => l.Id, cancellationToken);
        var changes = new List<RowChange>();
        foreach (var (row, existingId) in plan)
        {
            var learner = existingId is { } id ? existing[id] : new Learner { InstitutionId = institutionId, Name = row.Name, CreatedAt = now };
            if (existingId is null)
            {
                db.Learners.Add(learner);
            }
            learner.Name = row.Name;
            learner.Email = row.Email ?? learner.Email;
            learner.DateOfBirth = row.DateOfBirth ?? learner.DateOfBirth;
            var identifiersChanged = false;
            foreach (var identifier in row.Identifiers.Where(r => !learner.Identifiers.Any(i => i.Scheme == r.Scheme && i.Value == r.Value)))
            {
                identifiersChanged = true;
                var sameScheme = learner.Identifiers.SingleOrDefault(i => i.Scheme == identifier.Scheme);
                if (sameScheme is not null)
                {
                    sameScheme.Value = identifier.Value;
                }
                else
                {
                    var added = new LearnerIdentifier { LearnerId = learner.Id, InstitutionId = institutionId, Scheme = identifier.Scheme, Value = identifier.Value };
                    learner.Identifiers.Add(added);
                    db.LearnerIdentifiers.Add(added);
                }
            }
            var change = TrackedChanges.Of(db, learner);
            if (change.Kind != ChangeKind.New && identifiersChanged)
            {
                change = (ChangeKind.Updated, [.. change.Fields, "identifiers"]);
            }
            changes.Add(new RowChange(row.Line, row.Name, change.Kind, change.Fields));
        }
        return changes;
    }

    [LoggerMessage(LogEvents.LearnersImported, LogLevel.Information, "Learner import: {Created} created, {Updated} updated, {Skipped} rows skipped")]
    private static partial void LogImported(ILogger logger, int created, int updated, int skipped);
}
