using System.Globalization;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Learners;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Imports;

/// <summary>A registrar uploads a learner CSV (ours or OneRoster's users.csv), sees what it would change and its bad rows, and confirms.</summary>
internal sealed class LearnersModel(PendingUploads uploads, CurrentCaller caller, TranscriptsDb db, TimeProvider clock,
    IOptions<LearnerImportOptions> options, ILogger<LearnersModel> logger)
    : ImportPageModel<ImportLearners.Preview, ImportLearners.Response>(uploads, caller)
{
    /// <summary>Rows listed on the preview; the counts cover them all.</summary>
    public const int Shown = 500;

    public ImportLearners.Response? Done { get; private set; }

    public void OnGet(int? created, int? updated, int? unchanged, int? skipped) =>
        Done = created is { } c ? new ImportLearners.Response(c, updated ?? 0, unchanged ?? 0, skipped ?? 0) : null;

    protected override string Kind => "learners";

    protected override long MaxBytes => options.Value.MaxBytes;

    protected override bool CanImport(ImportLearners.Preview preview) => preview.CanImport;

    protected override IReadOnlyDictionary<string, string[]> ErrorsOf(ImportLearners.Preview preview) => preview.Errors;

    protected override async Task<IResult> RunAsync(Stream content, bool preview, CancellationToken cancellationToken) =>
        (await ImportLearners.ImportAsync(content, preview, db, Caller, clock, options.Value, logger, cancellationToken)).Result;

    protected override string DoneUrl(ImportLearners.Response response) => string.Create(CultureInfo.InvariantCulture,
        $"/app/import/learners?created={response.Created}&updated={response.Updated}&unchanged={response.Unchanged}&skipped={response.Skipped}");
}
