using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Npgsql;

namespace Transcripts.Api.Tests.Features.Batches;

/// <summary>
/// Two service processes on one PostgreSQL database share a 2,000-learner batch: both claim learners, one is killed
/// (SIGKILL) once the database shows a set number of learners saved by both, and the survivor takes over the dead one's
/// learners when their claims lapse and finishes the batch. Every learner is issued exactly once, no status index is used
/// twice, and no credential is lost. Needs TRANSCRIPTS_TEST_POSTGRES.
/// </summary>
public sealed class TwoInstanceBatchTests : IDisposable
{
    private const int Learners = 2_000;
    private const int SavedBeforeKill = 400;
    private static readonly string? s_server = Environment.GetEnvironmentVariable(PostgresApp.Variable);
    private readonly string _database = "transcripts_test_" + Guid.NewGuid().ToString("N");
    private readonly string _dataDir = Directory.CreateTempSubdirectory("transcripts-two-instances-").FullName;
    private readonly List<Process> _processes = [];

    [SkippableFact]
    public async Task Two_instances_share_a_batch_and_one_killed_mid_way_leaves_every_learner_issued_exactly_once()
    {
        EnsureAvailable();
        var (first, firstClient, printed) = await StartAsync("a", printsKey: true);
        var adminKey = printed!;
        firstClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        var (second, secondClient, _) = await StartAsync("b", printsKey: false);
        secondClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        await SeedAsync(firstClient);

        var batchId = await Seeded.Id(await firstClient.PostAsJsonAsync("/batches", new { }));
        // Killed only once the database shows both instances' saves: the kill lands mid-way whatever the machine's speed.
        await WaitForAsync(() => Count("SELECT COUNT(*) FROM \"BatchItems\" WHERE \"Status\" <> 'Pending'") >= SavedBeforeKill
                                 && SavedBy(first) > 0 && SavedBy(second) > 0, TimeSpan.FromSeconds(150), "both instances to save learners");
        first.Kill();
        await first.WaitForExitAsync();
        var savedByKilled = SavedBy(first);
        Assert.InRange(savedByKilled, 1, Learners - 1);

        await WaitForAsync(() => Count($"SELECT COUNT(*) FROM \"Batches\" WHERE \"Id\" = '{batchId}' AND \"FinishedAt\" IS NOT NULL") == 1,
            TimeSpan.FromSeconds(150), "the surviving instance to finish the batch");
        var batch = await Seeded.Json(await secondClient.GetAsync($"/batches/{batchId}"));

        // On a mismatch, what became of the learners says more than the count.
        var outcomes = string.Join("; ", Rows("""
            SELECT "Status" || ' (' || COALESCE("Reason", 'no reason') || '): ' || COUNT(*) FROM "BatchItems" GROUP BY "Status", "Reason"
            """));
        Assert.True(batch.GetProperty("isFinished").GetBoolean(), outcomes);
        Assert.True(batch.GetProperty("issued").GetInt32() == Learners, $"Issued {batch.GetProperty("issued").GetInt32()} of {Learners}: {outcomes}");
        Assert.Equal(0, batch.GetProperty("failed").GetInt32());
        Assert.Equal(savedByKilled, SavedBy(first));
        Assert.Equal(Learners, SavedBy(first) + SavedBy(second));
        Assert.Equal(Learners, Count("SELECT COUNT(*) FROM \"Credentials\" WHERE \"Kind\" = 'Transcript'"));
        Assert.Equal(Learners, Count("SELECT COUNT(DISTINCT \"LearnerId\") FROM \"Credentials\" WHERE \"Kind\" = 'Transcript'"));
        Assert.Equal(Learners, Count("SELECT COUNT(*) FROM \"Credentials\" WHERE \"Kind\" = 'Achievement'"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM \"Credentials\" WHERE \"RevokedAt\" IS NOT NULL"));
        Assert.Equal(Learners, Count("""
            SELECT COUNT(*) FROM "BatchItems" i JOIN "Credentials" c ON c."Id" = i."CredentialId" AND c."LearnerId" = i."LearnerId"
            WHERE i."Status" = 'Issued'
            """));
        var credentials = Count("SELECT COUNT(*) FROM \"Credentials\"");
        Assert.Equal(credentials, Count("SELECT COUNT(DISTINCT (\"RevocationListId\", \"RevocationIndex\")) FROM \"Credentials\""));
        Assert.Equal(credentials, Count("SELECT SUM(\"Allocated\") FROM \"StatusLists\" WHERE \"Purpose\" = 'revocation'"));
    }

    private void EnsureAvailable()
    {
        if (string.IsNullOrWhiteSpace(s_server) && Environment.GetEnvironmentVariable("TRANSCRIPTS_REQUIRE_SPEC") == "1")
        {
            throw new InvalidOperationException($"{PostgresApp.Variable} is not set, and CI (TRANSCRIPTS_REQUIRE_SPEC=1) requires the PostgreSQL run.");
        }
        Skip.If(string.IsNullOrWhiteSpace(s_server),
            $"{PostgresApp.Variable} is not set: two service instances need a PostgreSQL server to share, so this test is skipped.");
    }

    /// <summary>The learners an instance saved: a saved learner keeps the name of the instance whose claim it was.</summary>
    private long SavedBy(Process process) =>
        Count($"SELECT COUNT(*) FROM \"BatchItems\" WHERE \"Status\" <> 'Pending' AND \"LeasedBy\" LIKE '%/{process.Id}/%'");

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan limit, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:N0} s for {what}.");
            }
            await Task.Delay(200);
        }
    }

    private async Task SeedAsync(HttpClient admin)
    {
        (await admin.PutAsJsonAsync("/signing-keys/settings", new { cryptosuite = "eddsa-jcs-2022", usesDidKey = true })).EnsureSuccessStatusCode();
        var scale = await Seeded.Json(await admin.PostAsJsonAsync("/scales", new
        {
            title = "Two levels", masteryOrdinal = 1,
            levels = new[] { new { title = "Not yet", score = 1.0 }, new { title = "Met", score = 2.0 } },
        }));
        var met = scale.GetProperty("levels")[1].GetProperty("id").GetGuid();
        var framework = await Seeded.Id(await admin.PostAsJsonAsync("/frameworks", new { title = "Shared batch", scaleId = scale.GetProperty("id").GetGuid() }));
        var competency = await Seeded.Id(await admin.PostAsJsonAsync($"/frameworks/{framework}/competencies", new { fullStatement = "Reads closely", humanCode = "R.1" }));
        await Parallel.ForAsync(0, Learners, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, cancellationToken) =>
        {
            var learner = await Seeded.Id(await admin.PostAsJsonAsync("/learners", new { name = $"Learner {i}" }, cancellationToken));
            (await admin.PostAsJsonAsync($"/learners/{learner}/attainments", new { version = (int?)null, competencyId = competency, levelId = met, reason = "Transfer credit" },
                cancellationToken)).EnsureSuccessStatusCode();
        });
    }

    private async Task<(Process Process, HttpClient Client, string? AdminKey)> StartAsync(string name, bool printsKey)
    {
        var port = ServiceProcess.FreePort();
        var dataDir = Directory.CreateDirectory(Path.Combine(_dataDir, name)).FullName;
        var info = ServiceProcess.StartInfo(dataDir, ["--urls", $"http://127.0.0.1:{port}", "--Storage:Provider", "Postgres",
            "--Storage:DataDirectory", dataDir, "--Logging:LogLevel:Default", "Warning",
            "--Batches:LeaseDuration", "00:00:05", "--Batches:PollInterval", "00:00:00.500", "--Batches:LearnersInFlight", "2"]);
        // The connection string holds the password: the environment, not the command line others can read.
        info.Environment["Storage__ConnectionString"] = ConnectionString;
        var process = Process.Start(info)!;
        _processes.Add(process);
        // Requests wait at a gate until start-up has printed the first admin key: read it before asking for health.
        var key = printsKey ? await ServiceProcess.ReadPrintedAdminKeyAsync(process) : null;
        Drain(process);
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await ServiceProcess.WaitUntilHealthyAsync(client, process);
        return (process, client, key);
    }

    private static void Drain(Process process)
    {
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
    }

    private string ConnectionString => $"{s_server};Database={_database}";

    private long Count(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private List<string> Rows(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
            process.Dispose();
        }
        if (!string.IsNullOrWhiteSpace(s_server))
        {
            using var connection = new NpgsqlConnection($"{s_server};Database=postgres;Pooling=false");
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }
}
