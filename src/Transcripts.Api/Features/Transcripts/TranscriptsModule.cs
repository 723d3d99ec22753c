using Carter;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Transcripts;

/// <summary>PDF transcripts: one credential's PDF for its learner or a registrar; a batch's PDFs for registrars.</summary>
internal sealed class TranscriptsModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        GetTranscriptPdf.Map(app.MapGroup("/credentials").WithTags("Transcripts").RequireAuthorization(Policies.LearnerOrRegistrar));
        RenderTranscriptPdfBatch.Map(app.MapGroup("/transcripts").WithTags("Transcripts").RequireAuthorization(Policies.Registrar));
    }
}
