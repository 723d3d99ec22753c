using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Batches;
using Transcripts.Api.Features.Credentials;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Signing.Canonical;

// Batch issuance on SQLite: learners × 30 attained competencies, each learner a CLR embedding 30 OB 3.0 credentials.
// Usage: dotnet run -c Release --project bench/Transcripts.IssuanceBench [-- learners [cryptosuite [learners-in-flight]]]
//        dotnet run -c Release --project bench/Transcripts.IssuanceBench -- cluster learners instances [cryptosuite]   (PostgreSQL, see ClusterBench)
// Use 1,000 learners or more for batch figures: shorter runs spend much of their time before the JIT has optimized the batch path.
// On PostgreSQL with one or more instances, each a process on one core: cluster learners instances [cryptosuite].
if (args is ["cluster", .. var clusterArgs])
{
    return await ClusterBench.RunAsync(clusterArgs, SeedAsync);
}
if (args is ["cluster-worker", .. var workerArgs])
{
    return await ClusterBench.WorkAsync(workerArgs);
}
var learnerCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var suite = args.Length > 1 ? args[1] : "eddsa-rdfc-2022";
const int Competencies = 30;
var dataDir = Directory.CreateTempSubdirectory("transcripts-issuance-bench-").FullName;
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Storage:Provider"] = "Sqlite", ["Storage:DataDirectory"] = dataDir, ["Signing:KeyEncryptionKey"] = KeyEncryption.NewKekText(),
}).Build();
var services = new ServiceCollection()
    .AddSingleton<IConfiguration>(configuration)
    .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
    .AddSingleton(TimeProvider.System)
    .AddTranscriptsData(configuration)
    .AddSigningKeys().AddStatusLists().AddCredentials().AddBatches()
    .BuildServiceProvider();
try
{
    Console.WriteLine($"Credential issuance — {learnerCount:N0} learners × {Competencies} competencies, {suite}, SQLite; "
        + $"{Environment.ProcessorCount} logical CPUs; .NET {Environment.Version}");
    Guid institutionId;
    await using (var scope = services.CreateAsyncScope())
    {
        await DataModule.MigrateAsync(scope.ServiceProvider, CancellationToken.None);
        var seed = Stopwatch.StartNew();
        institutionId = await SeedAsync(scope.ServiceProvider.GetRequiredService<TranscriptsDb>(), learnerCount, suite);
        Console.WriteLine($"seed: {seed.Elapsed.TotalSeconds:F1} s");
    }

    // Stages, measured in isolation on one learner's 30 achievement credentials and its CLR, on one thread: build, canonicalize
    // (eddsa-jcs-2022: Jcs.Canonicalize itself; eddsa-rdfc-2022, whose canonicalization is not public: sign minus the signature),
    // the Ed25519 signature, serialize.
    await using (var scope = services.CreateAsyncScope())
    {
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<TranscriptsDb>();
        var (signer, _) = await provider.GetRequiredService<SigningKeyService>().OpenSignerAsync(db, institutionId, TimeProvider.System, CancellationToken.None);
        using (signer!)
        {
            var learner = await db.Learners.AsNoTracking().FirstAsync(l => l.InstitutionId == institutionId);
            var attainments = await db.Attainments.AsNoTracking().Where(a => a.LearnerId == learner.Id).OrderBy(a => a.Id).ToListAsync();
            var competencies = await db.Competencies.AsNoTracking().ToDictionaryAsync(c => c.Id);
            var framework = await db.Frameworks.AsNoTracking().FirstAsync(f => f.InstitutionId == institutionId);
            var scale = await db.Scales.AsNoTracking().Include(s => s.Levels).FirstAsync(s => s.InstitutionId == institutionId);
            var status = new JsonObject
            {
                ["id"] = "https://bench.example/status/1#1", ["type"] = "BitstringStatusListEntry",
                ["statusPurpose"] = "revocation", ["statusListIndex"] = "1", ["statusListCredential"] = "https://bench.example/status/1"
            };
            JsonObject Build(Attainment a) => AchievementCredentialBuilder.Build(Guid.NewGuid(), signer!.Identity.Profile(),
                new AchievementFacts(learner, a, competencies[a.CompetencyId], framework, scale, [], []), signer.Identity.PublicBase, signer.Now, status.DeepClone(),
                signer.Identity.Policy);
            var pairs = attainments.Select(a => (competencies[a.CompetencyId], (Competency?)competencies[competencies[a.CompetencyId].ParentId!.Value],
                framework, scale)).ToList();
            JsonObject BuildClr(List<JsonObject> embedded) => ClrCredentialBuilder.Build(Guid.NewGuid(), signer!.Identity.Profile(), learner, embedded,
                pairs, signer.Identity.PublicBase, signer.Now, status.DeepClone(), signer.Identity.Policy);
            for (var warm = Stopwatch.StartNew(); warm.Elapsed.TotalSeconds < 3;)
            {
                var (warmOb, warmClr) = (new StageWatch(), new StageWatch());
                warmClr.Run(signer!, () => BuildClr(attainments.Select(a => warmOb.Run(signer!, () => Build(a), suite).Signed).ToList()), suite);
            }
            const int Rounds = 5;
            var ob = new StageWatch();
            var clr = new StageWatch();
            var clrBytes = 0;
            var obBytes = 0L;
            for (var r = 0; r < Rounds; r++)
            {
                var embedded = new List<JsonObject>();
                foreach (var attainment in attainments)
                {
                    var (signed, bytes) = ob.Run(signer!, () => Build(attainment), suite);
                    embedded.Add(signed);
                    obBytes += bytes;
                }
                clrBytes = clr.Run(signer!, () => BuildClr(embedded), suite).Bytes;
            }
            var n = attainments.Count * Rounds;
            Console.WriteLine($"stages in isolation, one thread ({(suite.Contains("jcs", StringComparison.Ordinal) ? "canonicalize = Jcs.Canonicalize" : "canonicalize = sign − signature")}):");
            Console.WriteLine($"  per OB credential ({obBytes / n:N0} bytes): {ob.Report(n)}");
            Console.WriteLine($"  per CLR embedding {attainments.Count} ({clrBytes:N0} bytes): {clr.Report(Rounds)}");
            Console.WriteLine($"  per learner (30 OB + 1 CLR): {StageWatch.Sum(ob, clr, Rounds)}");
        }
    }

    var inFlight = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
    await using (var scope = services.CreateAsyncScope())
    {
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<TranscriptsDb>();
        var processor = new BatchProcessor(services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new BatchOptions { LearnersInFlight = inFlight }), services.GetRequiredService<Transcripts.Api.Infrastructure.ServiceInstance>(),
            services.GetRequiredService<ILogger<BatchProcessor>>());
        var failed = 0;
        var times = new IssuanceTimes();
        var gen2 = GC.CollectionCount(2);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        // End to end: from the registrar's request (the batch and its items created) to the last learner saved.
        var total = Stopwatch.StartNew();
        var (batch, items, _) = await CreateBatch.CreateAsync(db, institutionId, Guid.Empty, null, TimeProvider.System,
            provider.GetRequiredService<IOptions<BatchOptions>>().Value, CancellationToken.None);
        var created = total.Elapsed;
        // As in the service: the write-ahead log is checkpointed in the background.
        var checkpointer = services.GetRequiredService<SqliteCheckpointer>();
        await checkpointer.StartAsync(CancellationToken.None);
        await processor.RunAsync(batch!.Id, item => failed += item.Status == BatchItemStatus.Failed ? 1 : 0, times, CancellationToken.None);
        await checkpointer.StopAsync(CancellationToken.None);
        total.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var credentials = await db.Credentials.CountAsync();
        var perLearner = total.Elapsed.TotalMilliseconds / items.Count;
        Console.WriteLine($"batch ({inFlight} learners in flight): {items.Count:N0} learners, {credentials:N0} credentials, {failed} failed, "
            + $"{total.Elapsed.TotalSeconds:F1} s = {perLearner:F1} ms per learner; CPU {cpu.TotalMilliseconds / items.Count:F1} ms per learner "
            + $"({cpu / total.Elapsed:F2} cores busy); 10,000 learners would take ≈ {perLearner * 10_000 / 60_000:F1} min at this rate");
        Console.WriteLine($"  of which creating the batch and its items: {created.TotalSeconds:F1} s");
        string PerLearner(params IssuanceStage[] stages) =>
            (stages.Sum(s => times[s].TotalMilliseconds) / items.Count).ToString("F2", CultureInfo.InvariantCulture);
        Console.WriteLine($"  batch stages, ms per learner summed over threads: read {PerLearner(IssuanceStage.Read)}, build {PerLearner(IssuanceStage.Build)} "
            + $"+ CLR {PerLearner(IssuanceStage.BuildTranscript)}, sign {PerLearner(IssuanceStage.Sign)} + CLR {PerLearner(IssuanceStage.SignTranscript)}, "
            + $"serialize {PerLearner(IssuanceStage.Serialize)}, store {PerLearner(IssuanceStage.Store)}");
        Console.WriteLine($"  gen-2 collections during the batch: {GC.CollectionCount(2) - gen2}");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MB; "
            + $"database {new FileInfo(Path.Combine(dataDir, "transcripts.db")).Length / (1024 * 1024):N0} MB (+ WAL)");
        var again = Stopwatch.StartNew();
        var (rerun, _, _) = await CreateBatch.CreateAsync(db, institutionId, Guid.Empty, null, TimeProvider.System,
            provider.GetRequiredService<IOptions<BatchOptions>>().Value, CancellationToken.None);
        await processor.RunAsync(rerun!.Id, null, CancellationToken.None);
        Console.WriteLine($"re-run (every learner skipped): {again.Elapsed.TotalSeconds:F1} s");
    }
}
finally
{
    await services.DisposeAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(dataDir, recursive: true);
}
return 0;


static async Task<Guid> SeedAsync(TranscriptsDb db, int learners, string suite)
{
    var now = DateTimeOffset.UtcNow;
    var institution = new Institution { Name = "Bench school", PublicBaseUrl = "https://bench.example/", CreatedAt = now };
    db.Institutions.Add(institution);
    db.IssuerSettings.Add(new IssuerSettings { InstitutionId = institution.Id, Cryptosuite = suite });
    var scale = new ProficiencyScale { InstitutionId = institution.Id, Title = "Four levels" };
    string[] titles = ["Beginning", "Developing", "Proficient", "Advanced"];
    scale.Levels.AddRange(titles.Select((t, i) => new Level { ScaleId = scale.Id, Ordinal = i + 1, Title = t, Score = i + 1 }));
    scale.MasteryLevelId = scale.Levels[2].Id;
    db.Scales.Add(scale);
    var framework = new Framework { InstitutionId = institution.Id, Title = "Bench framework", ScaleId = scale.Id, UpdatedAt = now };
    var competencies = new List<Competency>();
    for (var d = 0; d < 3; d++)
    {
        var domain = new Competency { FrameworkId = framework.Id, HumanCode = $"D{d}", FullStatement = $"Domain {d}" };
        framework.Competencies.Add(domain);
        for (var c = 0; c < Competencies / 3; c++)
        {
            var competency = new Competency
            {
                FrameworkId = framework.Id, ParentId = domain.Id, HumanCode = $"D{d}.{c}", ListOrder = c,
                FullStatement = $"Explains and applies idea {c} of domain {d} in an unfamiliar situation, with evidence."
            };
            framework.Competencies.Add(competency);
            competencies.Add(competency);
        }
    }
    db.Frameworks.Add(framework);
    await db.SaveChangesAsync();
    for (var i = 0; i < learners; i++)
    {
        var learner = new Learner { InstitutionId = institution.Id, Name = $"Learner {i:D5}", CreatedAt = now };
        db.Learners.Add(learner);
        db.Attainments.AddRange(competencies.Select(c => new Attainment
        {
            InstitutionId = institution.Id, LearnerId = learner.Id, CompetencyId = c.Id, LevelId = scale.Levels[2 + (i + c.ListOrder) % 2].Id,
            Status = AttainmentStatus.Attained, Source = AttainmentSource.Award, Reason = "Bench", UpdatedAt = now,
        }));
        if (i % 100 == 99)
        {
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }
    await db.SaveChangesAsync();
    return institution.Id;
}

/// <summary>Build, canonicalize, signature and serialize times of one kind of credential, summed over its runs.</summary>
internal sealed class StageWatch
{
    private long _build;
    private long _canonicalize;
    private long _signature;
    private long _sign;
    private long _serialize;

    public (JsonObject Signed, int Bytes) Run(IssuerSigner signer, Func<JsonObject> build, string suite)
    {
        var t0 = Stopwatch.GetTimestamp();
        var unsigned = build();
        var t1 = Stopwatch.GetTimestamp();
        var signed = signer.Sign(unsigned);
        var t2 = Stopwatch.GetTimestamp();
        var bytes = JsonSerializer.SerializeToUtf8Bytes(signed);
        SHA256.HashData(bytes);
        var t3 = Stopwatch.GetTimestamp();
        signer.Pair.Sign(SHA256.HashData(bytes));
        var t4 = Stopwatch.GetTimestamp();
        if (suite.Contains("jcs", StringComparison.Ordinal))
        {
            Jcs.Canonicalize(unsigned);
            _canonicalize += Stopwatch.GetTimestamp() - t4;
        }
        else
        {
            _canonicalize += (t2 - t1) - (t4 - t3);
        }
        _build += t1 - t0;
        _sign += t2 - t1;
        _serialize += t3 - t2;
        _signature += t4 - t3;
        return (signed, bytes.Length);
    }

    public string Report(int count) => $"build {Ms(_build, count)}, canonicalize {Ms(_canonicalize, count)}, signature {Ms(_signature, count)} "
        + $"(whole sign {Ms(_sign, count)}), serialize + SHA-256 {Ms(_serialize, count)} ms";

    public static string Sum(StageWatch ob, StageWatch clr, int learners) =>
        $"build {Ms(ob._build + clr._build, learners)}, canonicalize {Ms(ob._canonicalize + clr._canonicalize, learners)}, "
        + $"signature {Ms(ob._signature + clr._signature, learners)}, serialize {Ms(ob._serialize + clr._serialize, learners)} ms";

    private static string Ms(long ticks, int count) =>
        (Stopwatch.GetElapsedTime(0, ticks).TotalMilliseconds / count).ToString("F3", CultureInfo.InvariantCulture);
}
