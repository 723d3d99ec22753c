using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Learners;

internal static partial class ImportLearners
{
    public sealed record Response(int Created, int Updated, int Skipped);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/import", Handle).WithName(nameof(ImportLearners))
            .WithSummary("Import learners from CSV (name,identifiers,email,dateOfBirth) or a OneRoster 1.1 users.csv, as text/csv or a multipart 'file' (registrar). A learner whose identifier is known is updated. Any bad row rejects the file, listing every bad row")
            .RequireAuthorization(Policies.Registrar)
            .WithBodyLimit<LearnerImportOptions>(o => o.MaxBytes + LearnerImportOptions.MultipartOverhead)
            .Accepts<string>("text/csv", "multipart/form-data")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(HttpRequest http, TranscriptsDb db, CurrentCaller caller,
        TimeProvider clock, IOptions<LearnerImportOptions> options, ILogger<Response> logger, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxBytes;
        if (http.ContentLength > limit)
        {
            return Problems.PayloadTooLarge(limit);
        }
        var body = await Uploads.ReadAsync(http, ["text/csv"], cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var csv = await Csv.ReadAsync(body.Content!, limit, options.Value.MaxRows, cancellationToken);
        if (csv.IsTooLarge)
        {
            return Problems.PayloadTooLarge(limit);
        }
        if (csv.Rows is null)
        {
            return Problems.ImportRejected("learner file", new Dictionary<string, string[]> { ["file"] = [csv.Error!] });
        }
        var now = clock.GetUtcNow();
        var (rows, errors, skipped) = LearnerCsv.Read(csv.Rows, DateOnly.FromDateTime(now.UtcDateTime));
        if (errors.Count > 0)
        {
            return Problems.ImportRejected("learner file", errors);
        }

        var known = await db.LearnerIdentifiers.Where(i => i.InstitutionId == caller.InstitutionId)
            .Select(i => new { i.Scheme, i.Value, i.LearnerId }).ToListAsync(cancellationToken);
        var owner = known.ToDictionary(i => (i.Scheme, i.Value), i => i.LearnerId);
        var plan = new List<(LearnerRow Row, Guid? Existing)>();
        foreach (var row in rows)
        {
            var matches = row.Identifiers.Select(i => owner.GetValueOrDefault((i.Scheme, i.Value))).Where(id => id != Guid.Empty).Distinct().ToList();
            if (matches.Count > 1)
            {
                errors[$"line {row.Line}"] = ["its identifiers belong to different existing learners"];
            }
            plan.Add((row, matches.Count == 1 ? matches[0] : null));
        }
        if (errors.Count > 0)
        {
            return Problems.ImportRejected("learner file", errors);
        }
        var existing = await db.Learners.Include(l => l.Identifiers).Where(l => l.InstitutionId == caller.InstitutionId
            && plan.Select(p => p.Existing).Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
        var (created, updated) = (0, 0);
        foreach (var (row, existingId) in plan)
        {
            var learner = existingId is { } id ? existing[id] : new Learner { InstitutionId = caller.InstitutionId, Name = row.Name, CreatedAt = now };
            if (existingId is null)
            {
                db.Learners.Add(learner);
                created++;
            }
            else
            {
                updated++;
            }
            learner.Name = row.Name;
            learner.Email = row.Email ?? learner.Email;
            learner.DateOfBirth = row.DateOfBirth ?? learner.DateOfBirth;
            foreach (var identifier in row.Identifiers.Where(r => !learner.Identifiers.Any(i => i.Scheme == r.Scheme && i.Value == r.Value)))
            {
                var sameScheme = learner.Identifiers.SingleOrDefault(i => i.Scheme == identifier.Scheme);
                if (sameScheme is not null)
                {
                    sameScheme.Value = identifier.Value;
                }
                else
                {
                    var added = new LearnerIdentifier { LearnerId = learner.Id, InstitutionId = caller.InstitutionId, Scheme = identifier.Scheme, Value = identifier.Value };
                    learner.Identifiers.Add(added);
                    db.LearnerIdentifiers.Add(added);
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        LogImported(logger, created, updated, skipped);
        return TypedResults.Ok(new Response(created, updated, skipped));
    }

    [LoggerMessage(1301, LogLevel.Information, "Learner import: {Created} created, {Updated} updated, {Skipped} rows skipped")]
    private static partial void LogImported(ILogger logger, int created, int updated, int skipped);
}
