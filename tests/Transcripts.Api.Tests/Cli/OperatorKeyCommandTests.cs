using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transcripts.Api.Cli;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Tests.Cli;

/// <summary><c>operator-key create</c>: the key's secret goes to an owner-only file in the data folder, never to the output.</summary>
public sealed class OperatorKeyCommandTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("transcripts-operator-").FullName;

    [Fact]
    public async Task Create_writes_the_secret_owner_only_and_stores_only_its_hash()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await AdminCli.RunAsync(["operator-key", "create", "--name", "district operator", "--Storage:Provider", "Sqlite",
            "--Storage:DataDirectory", _dataDir], stdout, stderr, Program.BuildApp);

        Assert.True(exit == ExitCodes.Done, stderr.ToString());
        var file = Path.Combine(_dataDir, "operator-key");
        var secret = (await File.ReadAllTextAsync(file)).Trim();
        Assert.StartsWith("trk_", secret);
        Assert.DoesNotContain(secret, stdout.ToString());
        Assert.Contains(file, stdout.ToString());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        await using var app = Program.BuildApp(["--Storage:Provider", "Sqlite", "--Storage:DataDirectory", _dataDir], new Dictionary<string, string?>());
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<TranscriptsDb>().OperatorKeys.SingleAsync();
        Assert.Equal("district operator", stored.Name);
        Assert.Equal(ApiKeyAuthentication.HashOf(secret), stored.Hash);
    }

    [Fact]
    public async Task Create_refuses_an_empty_name_with_the_usage_code()
    {
        var stderr = new StringWriter();

        var exit = await AdminCli.RunAsync(["operator-key", "create", "--name", " ", "--Storage:DataDirectory", _dataDir], TextWriter.Null, stderr, Program.BuildApp);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--name", stderr.ToString());
        Assert.False(File.Exists(Path.Combine(_dataDir, "operator-key")));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDir, recursive: true);
    }
}
