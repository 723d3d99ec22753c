using Carter;
using Transcripts.Api.Cli;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Assessments;
using Transcripts.Api.Features.Audit;
using Transcripts.Api.Features.Batches;
using Transcripts.Api.Features.Credentials;
using Transcripts.Api.Features.Disclosures;
using Transcripts.Api.Features.Evidence;
using Transcripts.Api.Features.Frameworks;
using Transcripts.Api.Features.Institutions;
using Transcripts.Api.Features.ApiKeys;
using Transcripts.Api.Features.Learners;
using Transcripts.Api.Features.Operator;
using Transcripts.Api.Features.Progress;
using Transcripts.Api.Features.Sharing;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Api.Features.Transcripts;
using Transcripts.Api.Features.VcApi;
using Transcripts.Api.Features.Verification;
using Transcripts.Api.Features.Web;
using Transcripts.Api.Hosting;
using Transcripts.Api.Infrastructure;

if (AdminCli.Handles(args))
{
    return await AdminCli.RunAsync(args, Console.Out, Console.Error, Program.BuildApp);
}

var app = Program.BuildApp(args, new Dictionary<string, string?>());
await app.RunServiceAsync();
return 0;

/// <summary>The composition root; the entry point is visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program
{
    /// <summary>The service: its services, pipeline and every feature's endpoints. The admin commands build it too.</summary>
    internal static WebApplication BuildApp(string[] args, IReadOnlyDictionary<string, string?> overrides)
    {
        var builder = WebApplication.CreateBuilder(args.Where(a => a != DemoMode.Flag).ToArray());
        builder.Configuration.AddInMemoryCollection(overrides);
        DemoMode.Configure(builder, args);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddApiInfrastructure().AddHosting(builder.Configuration).AddHealth().AddPublicRateLimits()
            .AddTelemetry(builder.Configuration);
        builder.Services.AddTranscriptsData(builder.Configuration).AddApiKeyAuthentication();
        builder.Services.AddLearners().AddEvidence().AddSigningKeys().AddStatusLists().AddCredentials().AddVcApi()
            .AddSharing().AddBatches().AddTranscripts().AddAudit().AddWeb(builder.Configuration);
        // Every feature's endpoints, listed here rather than found by scanning; Carter has no validators or negotiators to find.
        builder.Services.AddCarter(configurator: features => features
            .WithModule<InstitutionsModule>().WithModule<ApiKeysModule>().WithModule<FrameworksModule>().WithModule<LearnersModule>()
            .WithModule<EvidenceModule>().WithModule<AssessmentsModule>().WithModule<ProgressModule>().WithModule<AuditModule>()
            .WithModule<DisclosuresModule>().WithModule<SigningKeysModule>().WithModule<StatusListsModule>()
            .WithModule<CredentialsModule>().WithModule<VcApiModule>().WithModule<SharingModule>().WithModule<BatchesModule>()
            .WithModule<TranscriptsModule>().WithModule<VerificationModule>().WithModule<OperatorModule>()
            .WithEmptyValidators().WithEmptyResponseNegotiators());

        var app = builder.Build();
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseMiddleware<BodyLimits>();
        // A path no endpoint serves is a 404 for everyone: the fallback authorization policy guards endpoints that forgot a
        // policy, not addresses that do not exist (a wrong method still reaches routing's 405 endpoint).
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next(context);
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseWeb();
        app.MapOpenApi().AllowAnonymous();   // the API description holds no records
        app.MapHealth();
        app.MapCarter();
        app.MapWeb();
        return app;
    }
}
