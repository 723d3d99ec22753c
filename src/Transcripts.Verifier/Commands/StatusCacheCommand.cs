using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Spectre.Console;
using Transcripts.Signing;
using Transcripts.Verifier.Checking;
using Transcripts.Verifier.Output;
using Transcripts.Verifier.TrustStore;

namespace Transcripts.Verifier.Commands;

/// <summary>
/// <c>status refresh</c>: the only command that uses the network. Fetches each trusted institution's status lists and
/// caches those signed by that institution, with the time they were fetched. A list that is not signed by the
/// institution that published it is reported and not cached (fail closed), and an earlier good copy is kept.
/// </summary>
internal static class StatusCacheCommand
{
    private const int MaxListBytes = 16 * 1024 * 1024;

    public static Command Create(CliEnvironment env)
    {
        var store = CliEnvironment.TrustStoreOption();
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for each list.", DefaultValueFactory = _ => 30, HelpName = "SECONDS" };
        var refresh = new Command("refresh", "Fetch and cache the status lists of the trusted institutions (needs the network).") { store, timeout };
        refresh.SetAction((parse, cancellationToken) =>
            RefreshAsync(parse.GetValue(store), TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(timeout), 1, 600)), env, cancellationToken));
        return new Command("status", "Manage the cached status lists (revocation).") { refresh };
    }

    public static async Task<int> RefreshAsync(string? folder, TimeSpan timeout, CliEnvironment env, CancellationToken cancellationToken)
    {
        var store = CliEnvironment.OpenStore(folder);
        IReadOnlyList<TrustedIssuer> issuers;
        try
        {
            issuers = store.List();
        }
        catch (Inputs.InputException e)
        {
            await env.Error.WriteLineAsync(e.Message);
            return ExitCodes.Usage;
        }
        var now = env.Clock.GetUtcNow();
        var console = SpectreTables.CreateConsole(env.Out, env.IsTerminal);
        var table = SpectreTables.NewTable(console).AddColumn("Institution").AddColumn("Status list").AddColumn("Result");
        using var http = new HttpClient { Timeout = timeout, MaxResponseContentBufferSize = TrustStore.TrustStore.MaxFileBytes };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vc+ld+json"));
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json", 0.9));
        // Bundles first, so that key revocations and rotations are known before the lists are checked.
        var (refreshed, rejected) = await BundleRefresh.RunAsync(store, issuers, async (url, token) =>
        {
            var (json, problem) = await FetchAsync(http, url, token);
            return (json is null ? null : System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()), problem);
        }, table, cancellationToken);
        issuers = refreshed;
        var trust = new TrustContext(issuers, new StatusCache(store.StatusFolder), new VerifySettings(now, now, CheckStatus: false));
        var cache = new StatusCache(store.StatusFolder);
        var unreachable = 0;
        foreach (var issuer in issuers)
        {
            foreach (var url in issuer.StatusListUrls)
            {
                var outcome = await FetchAsync(http, url, cancellationToken);
                if (outcome.Credential is null)
                {
                    unreachable++;
                    table.AddRow(new Text(issuer.Name ?? issuer.Did), new Text(url), new Text(outcome.Problem!));
                    continue;
                }
                var id = CredentialSummary.Text(outcome.Credential, "id") ?? url;
                var copy = trust.Check(outcome.Credential, id, issuer.Did, $"fetched from {url}");
                if (copy.List is null)
                {
                    rejected++;
                    table.AddRow(new Text(issuer.Name ?? issuer.Did), new Text(url), new Text("Rejected, not cached: " + copy.Note));
                    continue;
                }
                cache.Save(new CachedStatusList(id, url, issuer.Did, env.Clock.GetUtcNow(), outcome.Credential));
                table.AddRow(new Text(issuer.Name ?? issuer.Did), new Text(url), new Text($"Cached ({copy.List.Length:N0} entries), signed by {issuer.Did}."));
            }
        }
        if (table.Rows.Count == 0)
        {
            console.WriteLine("No trusted institution publishes a status list; nothing to fetch.");
            return ExitCodes.Valid;
        }
        console.Write(table);
        return rejected > 0 ? ExitCodes.Invalid : unreachable > 0 ? ExitCodes.CannotTell : ExitCodes.Valid;
    }

    private static async Task<(JsonObject? Credential, string? Problem)> FetchAsync(HttpClient http, string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return (null, "Not fetched: the address is not an http(s) URL.");
        }
        try
        {
            using var response = await http.GetAsync(uri, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"Not fetched: the server answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return (JsonInput.ParseObject(bytes, Limits.Default with { MaxDocumentBytes = TrustStore.TrustStore.MaxFileBytes }), null);
        }
        catch (HttpRequestException e)
        {
            return (null, $"Not fetched: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "Not fetched: the server did not answer in time.");
        }
        catch (SigningException e)
        {
            return (null, $"Not fetched: the answer is not a JSON status list ({e.Message}).");
        }
    }
}
