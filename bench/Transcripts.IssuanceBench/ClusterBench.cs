using System.Diagnostics;
using System.Globalization;
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

/// <summary>
/// The batch on PostgreSQL, worked by one or more instances: each a process of its own (this program in worker mode), pinned
/// to one core, sharing one database as service instances do. The parent seeds a fresh database, creates the batch, starts the
/// workers at once and times them until the last exits; then checks that every learner was issued exactly once.
/// Usage: <c>cluster learners instances [cryptosuite]</c> with TRANSCRIPTS_TEST_POSTGRES naming the server (without a database).
/// </summary>
internal static class ClusterBench
{
    private const string DatabaseVariable = "TRANSCRIPTS_BENCH_DATABASE";
    private const string KekVariable = "TRANSCRIPTS_BENCH_KEK";

    public static async Task<int> RunAsync(string[] args, Func<TranscriptsDb, int, string, Task<Guid>> seed)
    {
        var learners = int.Parse(args[0], CultureInfo.InvariantCulture);
        var instances = int.Parse(args[1], CultureInfo.InvariantCulture);
        var suite = args.Length > 2 ? args[2] : "eddsa-rdfc-2022";
        var server = Environment.GetEnvironmentVariable("TRANSCRIPTS_TEST_POSTGRES")
            ?? throw new InvalidOperationException("TRANSCRIPTS_TEST_POSTGRES must name the PostgreSQL server.");
        var connection = $"{server};Database=transcripts_bench_{Guid.NewGuid():N}";
        var kek = KeyEncryption.NewKekText();
        await using var services = Services(connection, kek);
        Console.WriteLine($"Batch on PostgreSQL — {learners:N0} learners × 30 competencies, {suite}, {instances} instance(s), each pinned to one core; "
            + $"{Environment.ProcessorCount} logical CPUs; .NET {Environment.Version}");
        Guid batchId;
        await using (var scope = services.CreateAsyncScope())
        {
            await DataModule.MigrateAsync(scope.ServiceProvider, CancellationToken.None);
            var seeding = Stopwatch.StartNew();
            var institutionId = await seed(scope.ServiceProvider.GetRequiredService<TranscriptsDb>(), learners, suite);
            Console.WriteLine($"seed: {seeding.Elapsed.TotalSeconds:F1} s");
            var (batch, _, _) = await CreateBatch.CreateAsync(scope.ServiceProvider.GetRequiredService<TranscriptsDb>(), institutionId, Guid.Empty, null,
                TimeProvider.System, new BatchOptions(), CancellationToken.None);
            batchId = batch!.Id;
        }
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, instances).Select(i => StartWorker(batchId, i % Environment.ProcessorCount, connection, kek)).ToList();
        var outputs = await Task.WhenAll(workers.Select(async w =>
        {
            var output = await w.StandardOutput.ReadToEndAsync();
            await w.WaitForExitAsync();
            return (w.ExitCode, Output: output.Trim());
        }));
        total.Stop();
        foreach (var (exit, output) in outputs)
        {
            Console.WriteLine($"  worker (exit {exit}): {output}");
        }
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TranscriptsDb>();
            var transcripts = await db.Credentials.CountAsync(c => c.Kind == CredentialKind.Transcript);
            var distinct = await db.Credentials.Where(c => c.Kind == CredentialKind.Transcript).Select(c => c.LearnerId).Distinct().CountAsync();
            var credentials = await db.Credentials.CountAsync();
            var indexes = await db.Credentials.Select(c => new { c.RevocationListId, c.RevocationIndex }).Distinct().CountAsync();
            var bySaver = await db.BatchItems.Where(i => i.BatchId == batchId).GroupBy(i => i.LeasedBy).Select(g => g.Count()).ToListAsync();
            Console.WriteLine($"batch, {instances} instance(s): {learners:N0} learners in {total.Elapsed.TotalSeconds:F1} s = "
                + $"{total.Elapsed.TotalMilliseconds / learners:F1} ms per learner (workers' start-up included); saved per instance: {string.Join(" + ", bySaver)}");
            Console.WriteLine($"check: {transcripts:N0} transcripts for {distinct:N0} learners; {credentials:N0} credentials on {indexes:N0} distinct status indexes");
            await db.Database.EnsureDeletedAsync();
            if (transcripts != learners || distinct != learners || indexes != credentials)
            {
                Console.WriteLine("check failed: every learner must have exactly one transcript, and every credential a status index of its own");
                return 1;
            }
        }
        return 0;
    }

    /// <summary>Worker mode: works the batch as one service instance would, on the core it was given, and prints what it did.</summary>
    public static async Task<int> WorkAsync(string[] args)
    {
        var batchId = Guid.Parse(args[0]);
        var core = int.Parse(args[1], CultureInfo.InvariantCulture);
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1 << core;
        }
        await using var services = Services(Environment.GetEnvironmentVariable(DatabaseVariable)!, Environment.GetEnvironmentVariable(KekVariable)!);
        var processor = new BatchProcessor(services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new BatchOptions { LearnersInFlight = 1 }),
            services.GetRequiredService<Transcripts.Api.Infrastructure.ServiceInstance>(), services.GetRequiredService<ILogger<BatchProcessor>>());
        var saved = 0;
        var wall = Stopwatch.StartNew();
        await processor.RunAsync(batchId, _ => Interlocked.Increment(ref saved), CancellationToken.None);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Console.WriteLine($"core {core}: saved {saved:N0} learners in {wall.Elapsed.TotalSeconds:F1} s, CPU {cpu.TotalSeconds:F1} s; "
            + $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MB");
        return 0;
    }

    private static Process StartWorker(Guid batchId, int core, string connection, string kek)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            info.ArgumentList.Add(typeof(ClusterBench).Assembly.Location);
        }
        foreach (var arg in new[] { "cluster-worker", batchId.ToString(), core.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }
        // The connection string holds the password: the environment, not the command line others can read.
        info.Environment[DatabaseVariable] = connection;
        info.Environment[KekVariable] = kek;
        return Process.Start(info)!;
    }

    private static ServiceProvider Services(string connection, string kek)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = connection, ["Signing:KeyEncryptionKey"] = kek,
            ["Storage:DataDirectory"] = Path.GetTempPath(),
        }).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(TimeProvider.System)
            // The model the service builds: Identity's schema version 3 (passkeys), which the web pages set in the service.
            .Configure<Microsoft.AspNetCore.Identity.IdentityOptions>(o => o.Stores.SchemaVersion = Microsoft.AspNetCore.Identity.IdentitySchemaVersions.Version3)
            .AddTranscriptsData(configuration)
            .AddSigningKeys().AddStatusLists().AddCredentials().AddBatches()
            .BuildServiceProvider();
    }
}
