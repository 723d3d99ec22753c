using Carter;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Assessments;
using Transcripts.Api.Features.Audit;
using Transcripts.Api.Features.Batches;
using Transcripts.Api.Features.Credentials;
using Transcripts.Api.Features.Demo;
using Transcripts.Api.Features.Disclosures;
using Transcripts.Api.Features.Evidence;
using Transcripts.Api.Features.Frameworks;
using Transcripts.Api.Features.Institutions;
using Transcripts.Api.Features.Keys;
using Transcripts.Api.Features.Learners;
using Transcripts.Api.Features.Progress;
using Transcripts.Api.Features.Sharing;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Api.Features.Transcripts;
using Transcripts.Api.Features.VcApi;
using Transcripts.Api.Features.Verification;
using Transcripts.Api.Infrastructure;

if (args is ["audit", ..])
{
    return await AuditCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

var batchCommand = args is [IssueBatchCommand.Name, ..] ? IssueBatchCommand.Parse(args[1..]) : null;
if (batchCommand is { Error: { } usage })
{
    await Console.Error.WriteLineAsync(usage);
    return 2;
}

var demoCommand = args is [DemoCommand.Name, ..] ? DemoCommand.Parse(args[1..]) : null;
if (demoCommand is { Error: { } demoUsage })
{
    await Console.Error.WriteLineAsync(demoUsage);
    return 2;
}

var builder = WebApplication.CreateBuilder((batchCommand?.Remaining ?? demoCommand?.Remaining ?? args).Where(a => a != Startup.DemoFlag).ToArray());
if (demoCommand is not null)
{
    // A fresh, throw-away database and key-encryption key: the command's output is the files it writes.
    builder.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"] = "Sqlite";
    builder.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.DataDirectory)}"] = demoCommand.DataDirectory;
    builder.Configuration[$"{SigningOptions.Section}:{nameof(SigningOptions.KeyEncryptionKey)}"] = KeyEncryption.NewKekText();
}
var demo = args.Contains(Startup.DemoFlag) || builder.Configuration.GetValue<bool>(Startup.DemoSetting);
var demoKek = demo ? DemoKeyEncryptionKey.Ensure(builder.Configuration,
    builder.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.DataDirectory)}"] ?? "./data") : null;
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddApiInfrastructure();
builder.Services.AddTranscriptsData(builder.Configuration).AddApiKeyAuthentication();
builder.Services.AddLearners().AddEvidence().AddSigningKeys().AddStatusLists().AddCredentials().AddVcApi()
    .AddSharing().AddBatches().AddTranscripts().AddAudit();
// Every feature's endpoints, listed here rather than found by scanning; Carter has no validators or negotiators to find.
builder.Services.AddCarter(configurator: features => features
    .WithModule<InstitutionsModule>().WithModule<KeysModule>().WithModule<FrameworksModule>().WithModule<LearnersModule>()
    .WithModule<EvidenceModule>().WithModule<AssessmentsModule>().WithModule<ProgressModule>().WithModule<AuditModule>()
    .WithModule<DisclosuresModule>().WithModule<SigningKeysModule>().WithModule<StatusListsModule>()
    .WithModule<CredentialsModule>().WithModule<VcApiModule>().WithModule<SharingModule>().WithModule<BatchesModule>()
    .WithModule<TranscriptsModule>().WithModule<VerificationModule>()
    .WithEmptyValidators().WithEmptyResponseNegotiators());

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRouting();
app.UseMiddleware<BodyLimits>();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi().AllowAnonymous();   // the API description holds no records
app.MapHealth();
app.MapCarter();
if (demoKek is not null)
{
    Transcripts.Api.Features.SigningKeys.Log.DemoKekCreated(app.Logger, demoKek);
}

if (batchCommand is { Institution: { } institutionId, Learners: var learners })
{
    return await IssueBatchCommand.RunAsync(app.Services, institutionId, learners, Console.Out, Console.Error, app.Lifetime.ApplicationStopping);
}

if (demoCommand is not null)
{
    return await DemoCommand.RunAsync(app, demoCommand, Console.Out, app.Lifetime.ApplicationStopping);
}

await app.PrepareDatabaseAsync(demo);
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
