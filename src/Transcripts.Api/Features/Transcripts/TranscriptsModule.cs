using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Transcripts;

internal static class TranscriptsModule
{
    public static IServiceCollection AddTranscripts(this IServiceCollection services)
    {
        services.AddOptions<TranscriptPdfOptions>().BindConfiguration(TranscriptPdfOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TranscriptTemplates>();
        services.AddScoped<TranscriptPdfService>();
        return services;
    }

    public static IEndpointRouteBuilder MapTranscripts(this IEndpointRouteBuilder app)
    {
        GetTranscriptPdf.Map(app.MapGroup("/credentials").WithTags("Transcripts").RequireAuthorization(Policies.LearnerOrRegistrar));
        RenderTranscriptPdfBatch.Map(app.MapGroup("/transcripts").WithTags("Transcripts").RequireAuthorization(Policies.Registrar));
        return app;
    }
}
