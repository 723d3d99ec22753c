using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Imports;

/// <summary>
/// An import page's steps, the same for every kind of file: upload (kept server-side, see <see cref="PendingUploads"/>), preview
/// through the feature's own dry run, then confirm, which runs the feature's import on the kept file. A file with any error cannot
/// be confirmed, as the API imports a whole file or nothing.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
internal abstract class ImportPageModel<TPreview, TResponse>(PendingUploads uploads, CurrentCaller caller) : PageModel
    where TPreview : class
    where TResponse : class
{
    /// <summary>The largest form the import pages take: the largest file the features take, with room for the form around it.</summary>
    public const long MaxRequestBytes = Frameworks.ImportCasePackage.MaxBytes + Learners.LearnerImportOptions.MultipartOverhead;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The kept file's id, posted back by the confirmation form.</summary>
    [BindProperty]
    public string? UploadId { get; set; }

    public TPreview? Preview { get; private set; }

    protected CurrentCaller Caller => caller;

    /// <summary>The problems of the file, by line or JSON path, in the order of the file.</summary>
    public IReadOnlyList<KeyValuePair<string, string[]>> FileErrors { get; private set; } = [];

    protected abstract string Kind { get; }

    protected abstract long MaxBytes { get; }

    protected abstract bool CanImport(TPreview preview);

    protected abstract IReadOnlyDictionary<string, string[]> ErrorsOf(TPreview preview);

    protected abstract Task<IResult> RunAsync(Stream content, bool preview, CancellationToken cancellationToken);

    /// <summary>Where to go once imported: this page, saying what was done.</summary>
    protected abstract string DoneUrl(TResponse response);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        UploadId = null;
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose a file to upload.");
            return Page();
        }
        await using (var content = Upload.OpenReadStream())
        {
            UploadId = Upload.Length <= MaxBytes ? await uploads.SaveAsync(caller.ApiKeyId, Kind, content, MaxBytes, cancellationToken) : null;
        }
        if (UploadId is null)
        {
            ModelState.AddModelError(nameof(Upload), $"The file is larger than the {MaxBytes / (1024 * 1024):N0} MB allowed.");
            return Page();
        }
        IResult result;
        await using (var stored = uploads.Open(caller.ApiKeyId, Kind, UploadId)!)
        {
            result = await RunAsync(stored, preview: true, cancellationToken);
        }
        Preview = FeatureResults.ValueOf<TPreview>(result);
        var errors = Preview is null ? FeatureResults.ErrorsOf(result) : ErrorsOf(Preview);
        if (Preview is null || !CanImport(Preview))
        {
            Refuse(errors);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        IResult result;
        await using (var stored = uploads.Open(caller.ApiKeyId, Kind, UploadId))
        {
            if (stored is null)
            {
                UploadId = null;
                ModelState.AddModelError(nameof(Upload), "This upload has expired or was already imported. Upload the file again.");
                return Page();
            }
            result = await RunAsync(stored, preview: false, cancellationToken);
        }
        if (FeatureResults.ValueOf<TResponse>(result) is { } done)
        {
            uploads.Delete(caller.ApiKeyId, Kind, UploadId);
            return LocalRedirect(DoneUrl(done));
        }
        // The records changed since the preview in a way that makes the file wrong now (another import took an identifier).
        Refuse(FeatureResults.ErrorsOf(result));
        return Page();
    }

    private void Refuse(IReadOnlyDictionary<string, string[]> errors)
    {
        uploads.Delete(caller.ApiKeyId, Kind, UploadId);
        UploadId = null;
        FileErrors = [.. errors.OrderBy(e => LineOf(e.Key)).ThenBy(e => e.Key, StringComparer.Ordinal)];
        ModelState.AddModelError(nameof(Upload), errors.Count == 1
            ? "The file has 1 problem, listed below. Nothing was imported: correct the file and upload it again."
            : $"The file has {errors.Count} problems, listed below. Nothing was imported: correct the file and upload it again.");
    }

    private static int LineOf(string key) =>
        key.StartsWith("line ", StringComparison.Ordinal) && int.TryParse(key.AsSpan(5), out var line) ? line : 0;
}
