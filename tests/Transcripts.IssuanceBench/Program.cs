using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
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
using Transcripts.Signing.Keys;

// Batch issuance on SQLite: learners × 30 attained competencies, each learner a CLR embedding 30 OB 3.0 credentials.
// Usage: dotnet run -c Release --project tests/Transcripts.IssuanceBench [-- learners [cryptosuite]]
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

    // Stages, measured in isolation on one learner's 30 achievement credentials: build, sign (canonicalize + hash + sign), store.
    await using (var scope = services.CreateAsyncScope())
    {
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<TranscriptsDb>();
        var (signer, _) = await provider.GetRequiredService<SigningKeyService>().OpenSignerAsync(db, institutionId, TimeProvider.System, CancellationToken.None);
        using (signer!)
        {
            var learner = await db.Learners.AsNoTracking().FirstAsync(l => l.InstitutionId == institutionId);
            var attainments = await db.Attainments.AsNoTracking().Where(a => a.LearnerId == learner.Id).ToListAsync();
            var competencies = await db.Competencies.AsNoTracking().ToDictionaryAsync(c => c.Id);
            var framework = await db.Frameworks.AsNoTracking().FirstAsync(f => f.InstitutionId == institutionId);
            var scale = await db.Scales.AsNoTracking().Include(s => s.Levels).FirstAsync(s => s.InstitutionId == institutionId);
            var status = new System.Text.Json.Nodes.JsonObject { ["id"] = "https://bench.example/status/1#1", ["type"] = "BitstringStatusListEntry",
                ["statusPurpose"] = "revocation", ["statusListIndex"] = "1", ["statusListCredential"] = "https://bench.example/status/1" };
            System.Text.Json.Nodes.JsonObject Build(Attainment a) => AchievementCredentialBuilder.Build(Guid.NewGuid(), signer!.Identity.Profile(),
                new AchievementFacts(learner, a, competencies[a.CompetencyId], framework, scale, []), signer.Identity.PublicBase, signer.Now, status.DeepClone());
            for (var warm = Stopwatch.StartNew(); warm.Elapsed.TotalSeconds < 3;)
            {
                signer!.Sign(Build(attainments[0]));
            }
            const int Rounds = 5;
            var build = Stopwatch.StartNew();
            var unsigned = new List<System.Text.Json.Nodes.JsonObject>();
            for (var r = 0; r < Rounds; r++)
            {
                unsigned.AddRange(attainments.Select(Build));
            }
            build.Stop();
            var sign = Stopwatch.StartNew();
            var signed = unsigned.Select(u => signer!.Sign(u)).ToList();
            sign.Stop();
            var serialize = Stopwatch.StartNew();
            var bytes = signed.Select(s => JsonSerializer.SerializeToUtf8Bytes(s)).ToList();
            serialize.Stop();
            var raw = Stopwatch.StartNew();
            var digest = SHA256.HashData(bytes[0]);
            for (var i = 0; i < signed.Count; i++)
            {
                signer!.Pair.Sign(digest);
            }
            raw.Stop();
            var domains = await db.Competencies.AsNoTracking().Where(c => c.ParentId == null).ToDictionaryAsync(c => c.Id);
            var pairs = attainments.Select(a => (competencies[a.CompetencyId], (Competency?)domains[competencies[a.CompetencyId].ParentId!.Value], framework, scale)).ToList();
            var clrBuild = Stopwatch.StartNew();
            var clr = ClrCredentialBuilder.Build(Guid.NewGuid(), signer!.Identity.Profile(), learner, signed.Take(attainments.Count).ToList(), pairs,
                signer.Identity.PublicBase, signer.Now, status.DeepClone());
            clrBuild.Stop();
            var clrSign = Stopwatch.StartNew();
            var clrBytes = JsonSerializer.SerializeToUtf8Bytes(signer.Sign(clr));
            clrSign.Stop();
            Console.WriteLine($"per CLR embedding {attainments.Count} credentials: build {clrBuild.Elapsed.TotalMilliseconds:F1} ms, "
                + $"sign + serialize {clrSign.Elapsed.TotalMilliseconds:F1} ms; {clrBytes.Length:N0} bytes");
            var n = signed.Count;
            Console.WriteLine($"per OB credential: build {Ms(build, n)} ms, sign {Ms(sign, n)} ms (of which the signature itself {Ms(raw, n)} ms; "
                + $"the rest is canonicalization and hashing), serialize {Ms(serialize, n)} ms; {bytes.Average(b => b.Length):N0} bytes");
        }
    }

    await using (var scope = services.CreateAsyncScope())
    {
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<TranscriptsDb>();
        var (batch, items, _) = await CreateBatch.CreateAsync(db, institutionId, Guid.Empty, null, TimeProvider.System,
            provider.GetRequiredService<IOptions<BatchOptions>>().Value, CancellationToken.None);
        var processor = services.GetRequiredService<BatchProcessor>();
        var failed = 0;
        var total = Stopwatch.StartNew();
        await processor.RunAsync(batch!.Id, item => failed += item.Status == BatchItemStatus.Failed ? 1 : 0, CancellationToken.None);
        total.Stop();
        var credentials = await db.Credentials.CountAsync();
        var perLearner = total.Elapsed.TotalMilliseconds / items.Count;
        Console.WriteLine($"batch: {items.Count:N0} learners, {credentials:N0} credentials, {failed} failed, {total.Elapsed.TotalSeconds:F1} s "
            + $"= {perLearner:F0} ms per learner ({perLearner / (Competencies + 1):F1} ms per credential incl. status-list allocation and store); "
            + $"10,000 learners would take ≈ {perLearner * 10_000 / 60_000:F0} min at this rate");
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

static string Ms(Stopwatch watch, int count) => (watch.Elapsed.TotalMilliseconds / count).ToString("F3", CultureInfo.InvariantCulture);

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
            var competency = new Competency { FrameworkId = framework.Id, ParentId = domain.Id, HumanCode = $"D{d}.{c}", ListOrder = c,
                FullStatement = $"Explains and applies idea {c} of domain {d} in an unfamiliar situation, with evidence." };
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
