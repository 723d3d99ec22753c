using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;

namespace Transcripts.Api.Tests.Features.Batches;

/// <summary>
/// The built service as a child process: a batch is killed half-way (SIGKILL), the service restarts and resumes, the batch
/// is run again; every learner has exactly one transcript and the status list accounts for every credential once.
/// </summary>
public sealed class BatchCrashTests : IDisposable
{
    private const int Learners = 16;
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
            for (var done = 0; done < 3;)
            {
                await Task.Delay(20);
                done = (await Seeded.Json(await client.GetAsync($"/batches/{batchId}"))).GetProperty("done").GetInt32();
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        var interrupted = Count("SELECT COUNT(*) FROM BatchItems WHERE Status <> 'Pending'");
        Assert.InRange(interrupted, 3, Learners - 1);

        (process, client, _) = await StartAsync(printsKey: false);
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
                (await admin.PostAsJsonAsync($"/learners/{learner}/attainments", new { competencyId = competency, levelId = levels[2], reason = "Transfer credit" }))
                    .EnsureSuccessStatusCode();
            }
            learners.Add(learner);
        }
        return learners;
    }

    private async Task<(Process Process, HttpClient Client, string? AdminKey)> StartAsync(bool printsKey)
    {
        var port = ServiceProcess.FreePort();
        var process = Process.Start(ServiceProcess.StartInfo(_dataDir, ["--urls", $"http://127.0.0.1:{port}", "--Storage:DataDirectory", _dataDir,
            "--Logging:LogLevel:Default", "Warning", "--Batches:PauseBetweenItems", "00:00:00.150",
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
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataDir, "transcripts.db")};Pooling=False");
        connection.Open();
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
