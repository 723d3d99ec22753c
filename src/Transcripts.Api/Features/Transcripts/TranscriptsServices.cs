namespace Transcripts.Api.Features.Transcripts;

internal static class TranscriptsServices
{
    public static IServiceCollection AddTranscripts(this IServiceCollection services)
    {
        services.AddOptions<TranscriptPdfOptions>().BindConfiguration(TranscriptPdfOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TranscriptTemplates>();
        services.AddScoped<TranscriptPdfService>();
        return services;
    }
}
