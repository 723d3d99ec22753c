using System.Text.Json;
using System.Text.Json.Nodes;
using Transcripts.Verifier.TrustStore;

namespace Transcripts.Verifier.Tests;

/// <summary>The output of one in-process run of the CLI.</summary>
public sealed record VerifierRun(int Exit, string Out, string Err)
{
    /// <summary>"Now" for every test: two months after the fixtures were issued (30 June 2026).</summary>
    public static readonly DateTimeOffset Now = new(2026, 9, 1, 12, 0, 0, TimeSpan.Zero);

    public static async Task<VerifierRun> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await VerifierCli.RunAsync(args, stdout, stderr, new FixedClock(Now));
        return new VerifierRun(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs <c>verify … --json</c> against <paramref name="store"/> and parses the report.</summary>
    public static async Task<(VerifierRun Run, JsonObject Report)> VerifyJsonAsync(TempStore store, params string[] arguments)
    {
        var run = await RunAsync(["verify", .. arguments, "--json", "--trust-store", store.Folder]);
        return (run, (JsonObject)JsonNode.Parse(run.Out)!);
    }

    /// <summary>The status of check <paramref name="name"/> of the first input in a JSON report.</summary>
    public static string? Status(JsonObject report, string name, int input = 0) =>
        Checks(report, input).FirstOrDefault(c => (string?)c["name"] == name)?["status"]?.GetValue<string>();

    public static string Reason(JsonObject report, string name, int input = 0) =>
        Checks(report, input).First(c => (string?)c["name"] == name)["reason"]!.GetValue<string>();

    private static IEnumerable<JsonNode> Checks(JsonObject report, int input) => report["inputs"]![input]!["checks"]!.AsArray().OfType<JsonNode>();

    public bool HasStackTrace => (Out + Err).Contains("   at ", StringComparison.Ordinal);
}

/// <summary>A clock that stays at one moment.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>The committed test files (see VerifierFixtureGenerator in the API tests).</summary>
public static class Files
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Files", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));

    public static JsonObject Json(string name) => (JsonObject)JsonNode.Parse(File.ReadAllText(Path(name)))!;

    public const string Did = "did:web:riverside.example.edu";
    public const string KeyId = Did + "#key-2026";
    public const string StatusListUrl = "https://riverside.example.edu/status/1";
}

/// <summary>A temporary folder for a trust store or for copies of inputs; deleted on dispose.</summary>
public sealed class TempStore : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("transcripts-verify-").FullName;

    /// <summary>A store that trusts the fixtures' institution and, unless told otherwise, holds its fetched status list.</summary>
    public static TempStore Trusting(bool withStatusList = true)
    {
        var store = new TempStore();
        var trust = new TrustStore.TrustStore(store.Folder);
        trust.Save(TrustStore.TrustedIssuer.FromFile(Files.Bytes("riverside.trust.json")));
        if (withStatusList)
        {
            store.Cache(Files.Json("status-list-1.json"), VerifierRun.Now.AddDays(-2));
        }
        return store;
    }

    public void Cache(JsonObject statusList, DateTimeOffset fetchedAt) =>
        new StatusCache(new TrustStore.TrustStore(Folder).StatusFolder)
            .Save(new CachedStatusList((string)statusList["id"]!, Files.StatusListUrl, Files.Did, fetchedAt, statusList));

    public string Write(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Write(string name, JsonNode json) => Write(name, System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a failed test; the temp folder is cleaned by the OS.
        }
    }
}
