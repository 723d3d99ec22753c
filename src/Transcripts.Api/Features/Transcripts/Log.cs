using Transcripts.Api.Infrastructure;
namespace Transcripts.Api.Features.Transcripts;

/// <summary>Printable transcript events: 5300–5399. Ids and counts only; never names or credential content.</summary>
internal static partial class Log
{
    [LoggerMessage(LogEvents.TranscriptPdfRendered, LogLevel.Information, "Transcript PDF rendered for credential {CredentialId} ({Bytes} bytes, QR token by key {KeyId})")]
    public static partial void PdfRendered(ILogger logger, Guid credentialId, int bytes, Guid keyId);

    [LoggerMessage(LogEvents.TranscriptPdfRefused, LogLevel.Warning, "Transcript PDF for credential {CredentialId} not rendered: {Code}")]
    public static partial void PdfRefused(ILogger logger, Guid credentialId, string code);

    [LoggerMessage(LogEvents.TranscriptPdfBatchRendered, LogLevel.Information, "Transcript PDF batch: {Rendered} rendered, {Failed} failed")]
    public static partial void BatchRendered(ILogger logger, int rendered, int failed);
}
