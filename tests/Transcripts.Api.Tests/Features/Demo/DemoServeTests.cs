using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Tests.Features.Demo;

/// <summary><c>--demo</c> as <c>./transcripts.sh serve</c> runs it: the addresses printed and the demo DID follow <c>--urls</c>.</summary>
public sealed partial class DemoServeTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("transcripts-serve-").FullName;

    [Fact]
    public async Task Serve_prints_the_port_it_really_listens_on_and_the_demo_did_and_urls_use_it()
    {
        // Port 0: the operating system picks the port, so only the running server can say which.
        var process = Process.Start(ServiceProcess.StartInfo(_dataDir,
            ["--demo", "--urls", "http://127.0.0.1:0", "--Storage:DataDirectory", _dataDir, "--Logging:LogLevel:Default", "Warning"]))!;
        try
        {
            var printed = new StringBuilder();
            using var bounded = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            string? address = null;
            while (await process.StandardOutput.ReadLineAsync(bounded.Token) is { } line)
            {
                printed.AppendLine(line);
                address ??= ListeningOn().Match(line) is { Success: true } m ? m.Groups[1].Value : null;
                if (line.StartsWith("Public: ", StringComparison.Ordinal))
                {
                    break;
                }
            }

            Assert.True(address is not null, printed.ToString());
            Assert.DoesNotMatch(@"http://127\.0\.0\.1:0\b", address);
            var port = new Uri(address).Port;
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            var did = JsonNode.Parse(await client.GetStringAsync("/.well-known/did.json"))!;
            Assert.Equal($"did:web:127.0.0.1%3A{port}", (string)did["id"]!);
            Assert.Contains($"{address}/institution", printed.ToString());
            Assert.Contains($"Public: {address}/.well-known/did.json", printed.ToString());
            Assert.DoesNotContain("localhost:5000", printed.ToString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:5123", "http://127.0.0.1:5123")]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080")]
    [InlineData("http://[::]:8080", "http://localhost:8080")]
    [InlineData("https://+:8443/", "https://localhost:8443")]
    public void Public_address_is_the_first_address_with_a_wildcard_host_named_localhost(string listening, string expected) =>
        Assert.Equal(expected, global::Transcripts.Api.Hosting.StartupTasks.PublicAddress([listening, "http://127.0.0.1:9999"]));

    [GeneratedRegex(@"^Listening on (\S+?)(,|$)")]
    private static partial Regex ListeningOn();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDir, recursive: true);
    }
}
