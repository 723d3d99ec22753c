using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Transcripts.Signing.Keys;
using Transcripts.Verifier;

namespace Transcripts.Api.Tests.Features.Trust;

/// <summary>An admissions office: the real verifier CLI, in-process, over a trust store of its own in a temporary folder.</summary>
public sealed class OfficeVerifier : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("office-").FullName;

    public sealed record Run(int Exit, string Out, string Err);

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public async Task<Run> RunAsync(DateTimeOffset now, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await VerifierCli.RunAsync([.. args, "--trust-store", Folder], stdout, stderr, new Clock(now));
        return new Run(exit, stdout.ToString(), stderr.ToString());
    }

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Write(string name, JsonNode json) => Write(name, System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));

    /// <summary>Imports the institution's current trust bundle, as an office does by hand (replacing an older copy).</summary>
    public async Task<JsonObject> TrustAsync(TranscriptsApp app, Guid institutionId)
    {
        using var anonymous = app.CreateClient();
        var bundle = JsonNode.Parse(await anonymous.GetStringAsync($"/institutions/{institutionId}/trust-bundle"))!.AsObject();
        var run = await RunAsync(app.Clock.GetUtcNow(), "trust", "add", Write($"bundle-{Guid.NewGuid():N}.json", bundle), "--replace");
        Assert.True(run.Exit == 0, run.Out + run.Err);
        return bundle;
    }

    /// <summary>Verifies one file offline, without status lists; the exit code is the verdict (0 valid, 1 invalid, 3 cannot tell).</summary>
    public async Task<Run> VerifyAsync(TranscriptsApp app, string path) =>
        await RunAsync(app.Clock.GetUtcNow(), "verify", path, "--no-status", "--json");

    /// <summary>What a thief who copied the database and the key-encryption key gets: the private key of a row, if it still exists.</summary>
    public static async Task<Ed25519KeyPair?> StealAsync(TranscriptsApp app, Guid keyId)
    {
        var row = await app.WithDbAsync(db => db.SigningKeys.AsNoTracking().SingleAsync(k => k.Id == keyId));
        if (row.SealedPrivateKey.Length < 28 + Ed25519.SeedSize)
        {
            return null;
        }
        var seed = new byte[row.SealedPrivateKey.Length - 28];
        using var aes = new AesGcm(Convert.FromBase64String(TranscriptsApp.Kek), 16);
        aes.Decrypt(row.SealedPrivateKey.AsSpan(0, 12), row.SealedPrivateKey.AsSpan(28), row.SealedPrivateKey.AsSpan(12, 16), seed, keyId.ToByteArray());
        return Ed25519KeyPair.FromSeed(seed);
    }

    /// <summary>The institution's active key row id.</summary>
    public static async Task<Guid> ActiveKeyAsync(TranscriptsApp app, Guid institutionId) =>
        await app.WithDbAsync(db => db.SigningKeys.Where(k => k.InstitutionId == institutionId && k.RetiredAt == null && k.RevokedAt == null)
            .Select(k => k.Id).SingleAsync());

    /// <summary>The VC API's verdict: 0 valid (200 without warnings), 1 invalid (422), 3 cannot tell (200 with warnings).</summary>
    public static async Task<int> ApiVerdictAsync(HttpClient client, JsonObject credential)
    {
        var response = await client.PostAsJsonAsync("/credentials/verify", new { verifiableCredential = credential });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (int)response.StatusCode == 422 ? 1
            : response.IsSuccessStatusCode && body["warnings"]!.AsArray().Count == 0 ? 0
            : response.IsSuccessStatusCode ? 3 : -1;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
