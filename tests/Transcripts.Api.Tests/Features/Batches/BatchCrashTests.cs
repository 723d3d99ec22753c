using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;

namespace Transcripts.Api.Tests.Features.Batches;

/// <summary>
/// The built service as a child process: a batch is killed half-way (SIGKILL), the service restarts and resumes, the batch
/// is run again; every learner has exactly one transcript and the status list accounts for every credential once.
/// The kill is placed by the database, not by timing: the test takes SQLite's write lock, reads how many learners the
/// batch has saved, and kills the service while still holding the lock once that count reaches <see cref="KillAfter"/>,
/// so the service cannot save another learner between the count and the kill.
/// </summary>
public sealed class BatchCrashTests : IDisposable
{
    private const int Learners = 16;
    private const int KillAfter = 3;
    private static readonly TimeSpan s_bound = TimeSpan.FromMinutes(2);
    private readonly string _dataDir = Directory.CreateTempSubdirectory("transcripts-crash-").FullName;

    [Fact]
    public async Task A_batch_killed_mid_way_and_rerun_issues_every_transcript_exactly_once()
    {
        var (process, client, adminKey) = await StartAsync(printsKey: true);
        Guid batchId;
        Guid institutionId;
        List<Guid> learners;
        try
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey!);
            learners = await SeedAsync(client);
            batchId = (await Seeded.Json(await client.PostAsJsonAsync("/batches", new { }))).GetProperty("id").GetGuid();
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var saved = await KillOnceSavedAsync(process, batchId);
        Assert.InRange(saved, KillAfter, Learners - 1);
        // Nothing was saved after the count the kill was based on.
        Assert.Equal(saved, SavedItems(batchId));
        Assert.Equal(saved, Count("SELECT COUNT(*) FROM Credentials WHERE Kind = 'Transcript'"));

        (process, client, _) = await StartAsync(printsKey: false, pause: TimeSpan.Zero);
        try
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey!);
            institutionId = (await Seeded.Json(await client.GetAsync("/institution"))).GetProperty("id").GetGuid();
            var resumed = await IssueBatchTests.WaitAsync(client, batchId);
            var rerun = await IssueBatchTests.WaitAsync(client, (await Seeded.Json(await client.PostAsJsonAsync("/batches", new { }))).GetProperty("id").GetGuid());

            Assert.Equal(Learners, resumed.GetProperty("done").GetInt32());
            Assert.Equal(0, resumed.GetProperty("failed").GetInt32());
            Assert.Equal(Learners, rerun.GetProperty("skipped").GetInt32());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        Assert.Equal(Learners, Count("SELECT COUNT(*) FROM Credentials WHERE Kind = 'Transcript'"));
        Assert.Equal(Learners, Count("SELECT COUNT(DISTINCT LearnerId) FROM Credentials WHERE Kind = 'Transcript'"));
        Assert.Equal(Learners * 2, Count("SELECT COUNT(*) FROM Credentials WHERE Kind = 'Achievement'"));
        var credentials = Count("SELECT COUNT(*) FROM Credentials");
        Assert.Equal(credentials, Count("SELECT COUNT(DISTINCT RevocationListId || ':' || RevocationIndex) FROM Credentials"));
        Assert.Equal(credentials, Count("SELECT SUM(Allocated) FROM StatusLists WHERE Purpose = 'revocation'"));
        Assert.Equal(Learners, learners.Count);

        var (exit, output) = await RunCliAsync("issue-batch", "--institution", institutionId.ToString(), "--Storage:DataDirectory", _dataDir,
            "--Logging:LogLevel:Default", "Warning");
        Assert.True(exit == 0, output);
        Assert.Contains($"{Learners} learners, 0 failed", output, StringComparison.Ordinal);
        Assert.Equal(Learners, Count("SELECT COUNT(*) FROM Credentials WHERE Kind = 'Transcript'"));
        var (usage, _) = await RunCliAsync("issue-batch");
        Assert.Equal(2, usage);
    }

    private async Task<(int Exit, string Output)> RunCliAsync(params string[] args)
    {
        using var process = Process.Start(ServiceProcess.StartInfo(_dataDir, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static async Task<List<Guid>> SeedAsync(HttpClient admin)
    {
        (await admin.PutAsJsonAsync("/signing-keys/settings", new { cryptosuite = "eddsa-rdfc-2022", usesDidKey = true })).EnsureSuccessStatusCode();
        var scale = await Seeded.Json(await admin.PostAsJsonAsync("/scales", new
        {
            title = "Three levels", masteryOrdinal = 2,
            levels = new[] { new { title = "Low", score = 1.0 }, new { title = "Mid", score = 2.0 }, new { title = "High", score = 3.0 } },
        }));
        var levels = scale.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("id").GetGuid()).ToList();
        var framework = await Seeded.Id(await admin.PostAsJsonAsync("/frameworks", new { title = "Crash framework", scaleId = scale.GetProperty("id").GetGuid() }));
        var competencies = new List<Guid>();
        for (var c = 1; c <= 2; c++)
        {
            competencies.Add(await Seeded.Id(await admin.PostAsJsonAsync($"/frameworks/{framework}/competencies", new { fullStatement = $"Competency {c}", humanCode = $"C.{c}" })));
        }
        var learners = new List<Guid>();
        for (var i = 0; i < Learners; i++)
        {
            var learner = await Seeded.Id(await admin.PostAsJsonAsync("/learners", new { name = $"Learner {i}" }));
            foreach (var competency in competencies)
            {
                (await admin.PostAsJsonAsync($"/learners/{learner}/attainments", new { version = (int?)null, competencyId = competency, levelId = levels[2], reason = "Transfer credit" }))
                    .EnsureSuccessStatusCode();
            }
            learners.Add(learner);
        }
        return learners;
    }

    /// <summary>
    /// Polls the database under its write lock (SQLite lets one writer at a time; the service waits for the lock) until
    /// the batch has saved at least <see cref="KillAfter"/> learners, then kills the service before releasing the lock.
    /// Gives up after <see cref="s_bound"/> with what the database says.
    /// </summary>
    private async Task<long> KillOnceSavedAsync(Process process, Guid batchId)
    {
        var deadline = DateTime.UtcNow + s_bound;
        try
        {
            while (true)
            {
                using var connection = Open();
                using (var begin = connection.CreateCommand())
                {
                    begin.CommandText = "BEGIN IMMEDIATE";
                    begin.ExecuteNonQuery();
                }
                var saved = SavedItems(batchId, connection);
                if (saved >= KillAfter || process.HasExited || DateTime.UtcNow > deadline)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                    Assert.True(saved >= KillAfter, process.HasExited && process.ExitCode != 137 && process.ExitCode != -1
                        ? $"the service exited ({process.ExitCode}) after saving {saved} learners"
                        : $"the batch saved only {saved} learners in {s_bound.TotalMinutes} minutes");
                    return saved;
                }
                using (var rollback = connection.CreateCommand())
                {
                    rollback.CommandText = "ROLLBACK";
                    rollback.ExecuteNonQuery();
                }
                connection.Close();
                await Task.Delay(10);
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private long SavedItems(Guid batchId, SqliteConnection? connection = null)
    {
        using var own = connection is null ? Open() : null;
        using var command = (connection ?? own!).CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM BatchItems WHERE upper(BatchId) = $batch AND Status <> 'Pending'";
        command.Parameters.AddWithValue("$batch", batchId.ToString().ToUpperInvariant());
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_dataDir, "transcripts.db")};Pooling=False;Default Timeout=30");
        connection.Open();
        return connection;
    }

    private async Task<(Process Process, HttpClient Client, string? AdminKey)> StartAsync(bool printsKey, TimeSpan? pause = null)
    {
        var port = ServiceProcess.FreePort();
        var process = Process.Start(ServiceProcess.StartInfo(_dataDir, ["--urls", $"http://127.0.0.1:{port}", "--Storage:DataDirectory", _dataDir,
            "--Logging:LogLevel:Default", "Warning",
            "--Batches:PauseBetweenItems", (pause ?? TimeSpan.FromMilliseconds(300)).ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            "--Batches:LeaseDuration", "00:00:02", "--Batches:PollInterval", "00:00:00.500"]))!;
        var key = printsKey ? await ServiceProcess.ReadPrintedAdminKeyAsync(process) : null;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await ServiceProcess.WaitUntilHealthyAsync(client, process);
        return (process, client, key);
    }

    private long Count(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }
}
