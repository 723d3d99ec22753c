using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Transcripts.Api.Tests.Features.Demo;

/// <summary>
/// <c>--demo</c> prints a sign-in link to the web console for each demo person, so a newcomer reaches the pages within a
/// minute: the links are real invitations (the service's operator's too), a restart replaces the unused ones, and a person who signed up is told to sign in.
/// </summary>
public sealed partial class DemoSignInTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("transcripts-demo-sign-in-").FullName;

    [Fact]
    public async Task The_printed_links_set_a_password_once_and_a_restart_prints_new_ones_and_names_who_signed_up()
    {
        var address = $"http://127.0.0.1:{ServiceProcess.FreePort()}";

        var (first, firstLinks) = await StartAsync(address, signedUp: false);
        var registrarLink = Assert.Single(firstLinks, l => l.Label == "registrar").Link;
        using (first)
        {
            Assert.Equal(["admin", "registrar", "teacher (assessor)"], firstLinks.Take(3).Select(l => l.Label));
            Assert.StartsWith("learner (", firstLinks[3].Label);
            Assert.Equal("operator (the service's)", firstLinks[4].Label);
            Assert.All(firstLinks, l => Assert.StartsWith($"{address}/app/invitation#", l.Link));
            Assert.Equal(5, firstLinks.Select(l => l.Link).Distinct().Count());
            Assert.Equal(HttpStatusCode.Redirect, (await AcceptAsync(address, registrarLink)).StatusCode);
            // Used once: the same link does not set a password again.
            Assert.Contains("unknown, already used or expired", await (await AcceptAsync(address, registrarLink)).Content.ReadAsStringAsync());
            await StopAsync(first);
        }

        var (second, secondLinks) = await StartAsync(address, signedUp: true);
        using (second)
        {
            Assert.DoesNotContain(secondLinks, l => l.Label == "registrar");
            Assert.Equal(4, secondLinks.Count);
            var oldAdmin = firstLinks.Single(l => l.Label == "admin").Link;
            Assert.NotEqual(oldAdmin, secondLinks.Single(l => l.Label == "admin").Link);
            Assert.Contains("unknown, already used or expired", await (await AcceptAsync(address, oldAdmin)).Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Redirect, (await AcceptAsync(address, secondLinks.Single(l => l.Label == "admin").Link)).StatusCode);
            await StopAsync(second);
        }
    }

    private sealed record Printed(string Label, string Link);

    private async Task<(Process Process, List<Printed> Links)> StartAsync(string address, bool signedUp)
    {
        var process = Process.Start(ServiceProcess.StartInfo(_dataDir,
            ["--demo", "--urls", address, "--Storage:DataDirectory", _dataDir, "--Logging:LogLevel:Default", "Warning"]))!;
        var links = new List<Printed>();
        var printed = new List<string>();
        using var bounded = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var inBlock = false;
        while (await process.StandardOutput.ReadLineAsync(bounded.Token) is { } line)
        {
            printed.Add(line);
            if (line.StartsWith("Web console: open", StringComparison.Ordinal))
            {
                inBlock = true;
                continue;
            }
            if (inBlock && LinkLine().Match(line) is { Success: true } m)
            {
                links.Add(new Printed(m.Groups[1].Value.Trim(), m.Groups[2].Value));
                continue;
            }
            inBlock = false;
            if (line.StartsWith("Web console: sign in at", StringComparison.Ordinal))
            {
                Assert.True(signedUp, string.Join("\n", printed));
                Assert.Contains($"{address}/app/sign-in as registrar@riverside.example", line);
                break;
            }
            if (!signedUp && links.Count == 5)
            {
                break;
            }
        }
        Assert.True(links.Count > 0, string.Join("\n", printed));
        return (process, links);
    }

    /// <summary>Opens the invitation page and chooses a password, as a person does with the link (its token is the fragment).</summary>
    private static async Task<HttpResponseMessage> AcceptAsync(string address, string link)
    {
        // Cookies by hand: the antiforgery cookie is Secure, which HttpClient's cookie container would not send over http.
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        var page = await client.GetAsync("/app/invitation");
        var cookies = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var form = FormToken().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/app/invitation")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Token"] = link[(link.IndexOf('#') + 1)..], ["Password"] = "correct horse battery", ["Confirm"] = "correct horse battery",
                ["__RequestVerificationToken"] = form,
            }),
        };
        request.Headers.Add("Cookie", cookies);
        return await client.SendAsync(request);
    }

    private static async Task StopAsync(Process process)
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    [GeneratedRegex(@"^  (.+?)\s+(http\S+/app/invitation#\S+)$")]
    private static partial Regex LinkLine();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDir, recursive: true);
    }
}
