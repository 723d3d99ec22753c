using System.Globalization;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Frameworks;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Imports;

/// <summary>A registrar uploads a CASE package (JSON), sees which competencies and scales it adds or changes and its problems, and confirms.</summary>
internal sealed class FrameworkModel(PendingUploads uploads, CurrentCaller caller, TranscriptsDb db, TimeProvider clock, ILogger<FrameworkModel> logger)
    : ImportPageModel<ImportCasePackage.Preview, ImportCasePackage.Response>(uploads, caller)
{
    /// <summary>Changes listed on the preview; the counts cover them all.</summary>
    public const int Shown = 500;

    public ImportCasePackage.Response? Done { get; private set; }

    public void OnGet(bool? created, int? competencies, int? updated, int? unchanged, int? scales) =>
        Done = competencies is { } c ? new ImportCasePackage.Response(Guid.Empty, created == true, c, updated ?? 0, unchanged ?? 0, scales ?? 0, 0, 0) : null;

    protected override string Kind => "framework";

    protected override long MaxBytes => ImportCasePackage.MaxBytes;

    protected override bool CanImport(ImportCasePackage.Preview preview) => preview.CanImport;

    protected override IReadOnlyDictionary<string, string[]> ErrorsOf(ImportCasePackage.Preview preview) => preview.Errors;

    protected override async Task<IResult> RunAsync(Stream content, bool preview, CancellationToken cancellationToken) =>
        (await ImportCasePackage.ImportAsync(content, preview, db, Caller, clock, logger, cancellationToken)).Result;

    protected override string DoneUrl(ImportCasePackage.Response response) => string.Create(CultureInfo.InvariantCulture,
        $"/app/import/framework?created={(response.Created ? "true" : "false")}&competencies={response.CompetenciesCreated}&updated={response.CompetenciesUpdated}&unchanged={response.CompetenciesUnchanged}&scales={response.ScalesCreated}");
}
