using System.Diagnostics.Tracing;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;

namespace Transcripts.Verifier.Tests;

/// <summary>Tests that watch or use the network run one at a time: socket telemetry is process-wide.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NetworkTestGroup
{
    public const string Name = "Network";
}

[Collection(NetworkTestGroup.Name)]
public sealed class OfflineTests
{
    [Fact]
    public async Task Verify_opens_no_socket_and_sends_no_http_request()
    {
        using var store = TempStore.Trusting();
        using var folder = new TempStore();
        foreach (var name in new[] { "ob-achievement.json", "clr-transcript.json", "transcript.pdf", "transcript.qr.txt", "ob-revoked.json" })
        {
            folder.Write(name, Files.Bytes(name));
        }
        using var listener = new NetworkListener();

        var run = await VerifierRun.RunAsync("verify", folder.Folder, Files.Path("transcript-qr-edited.pdf"), "--trust-store", store.Folder);

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.True(listener.IsListening, "the socket and HTTP event sources were enabled");
        Assert.Empty(listener.Events);
    }

    [Fact]
    public async Task The_network_listener_does_see_a_connection()
    {
        using var listener = new NetworkListener();
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();

        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)server.LocalEndpoint).Port);
        }

        Assert.Contains(listener.Events, e => e.StartsWith("ConnectStart", StringComparison.Ordinal));
    }

    private sealed class NetworkListener : EventListener
    {
        private readonly List<string> _events = [];

        public bool IsListening { get; private set; }

        public IReadOnlyList<string> Events
        {
            get
            {
                lock (_events)
                {
                    return [.. _events];
                }
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name is "System.Net.Sockets" or "System.Net.Http" or "System.Net.NameResolution")
            {
                EnableEvents(eventSource, EventLevel.Verbose, EventKeywords.All);
                IsListening = true;
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName is { } name && (name.Contains("Start", StringComparison.Ordinal) || name.Contains("Connect", StringComparison.Ordinal)))
            {
                lock (_events)
                {
                    _events.Add($"{name} ({eventData.EventSource.Name})");
                }
            }
        }
    }
}

[Collection(NetworkTestGroup.Name)]
public sealed class StatusRefreshTests
{
    [Fact]
    public async Task Refresh_caches_the_list_signed_by_the_school_and_verify_then_uses_it()
    {
        using var server = new LoopbackServer(Files.Bytes("status-list-1.json"));
        using var store = StoreListing(server.Url);

        var refresh = await VerifierRun.RunAsync("status", "refresh", "--trust-store", store.Folder);
        var (valid, _) = await VerifierRun.VerifyJsonAsync(store, Files.Path("ob-achievement.json"));
        var (revoked, report) = await VerifierRun.VerifyJsonAsync(store, Files.Path("ob-revoked.json"));

        Assert.Equal(ExitCodes.Valid, refresh.Exit);
        Assert.Contains("Cached", refresh.Out);
        Assert.Equal(ExitCodes.Valid, valid.Exit);
        Assert.Equal(ExitCodes.Invalid, revoked.Exit);
        Assert.Contains(server.Url, VerifierRun.Reason(report, "status"));
    }

    [Fact]
    public async Task Refresh_rejects_a_list_signed_by_someone_else_and_verify_stays_unknown()
    {
        var foreign = Encoding.UTF8.GetBytes(Signatures.EmptyListSignedByStranger().ToJsonString());
        using var server = new LoopbackServer(foreign);
        using var store = StoreListing(server.Url);

        var refresh = await VerifierRun.RunAsync("status", "refresh", "--trust-store", store.Folder);
        var (run, report) = await VerifierRun.VerifyJsonAsync(store, Files.Path("ob-revoked.json"));

        Assert.Equal(ExitCodes.Invalid, refresh.Exit);
        Assert.Contains("Rejected, not cached", refresh.Out);
        Assert.Equal(ExitCodes.CannotTell, run.Exit);
        Assert.Equal("unknown", VerifierRun.Status(report, "status"));
    }

    [Fact]
    public async Task Refresh_exits_3_when_the_server_cannot_be_reached()
    {
        using var server = new LoopbackServer([]);
        var url = server.Url;
        server.Dispose();
        using var store = StoreListing(url);

        var refresh = await VerifierRun.RunAsync("status", "refresh", "--trust-store", store.Folder, "--timeout", "5");

        Assert.Equal(ExitCodes.CannotTell, refresh.Exit);
        Assert.Contains("Not fetched", refresh.Out);
    }

    [Fact]
    public async Task Refresh_refuses_a_newer_bundle_without_key_continuity_but_applies_its_revocations()
    {
        using var attacker = Ed25519KeyPair.Generate();
        using var server = new LoopbackServer(Encoding.UTF8.GetBytes(
            TrustContinuityTests.NewerBundle("Riverside (taken over)", attacker, signer: attacker, revokeSchoolKey: true).ToJsonString()));
        using var store = StoreWithBundleAt(server.Url);

        var refresh = await VerifierRun.RunAsync("status", "refresh", "--trust-store", store.Folder);
        var list = await VerifierRun.RunAsync("trust", "list", "--trust-store", store.Folder);
        var (_, report) = await VerifierRun.VerifyJsonAsync(store, Files.Path("ob-achievement.json"), "--no-status");

        Assert.Equal(ExitCodes.Invalid, refresh.Exit);
        Assert.Contains("Refused, not stored", refresh.Out);
        Assert.Contains("revocations were applied", refresh.Out);
        Assert.DoesNotContain("taken over", list.Out);
        Assert.DoesNotContain(Multikey.Encode(attacker.PublicKey), list.Out);
        Assert.Contains("REVOKED", list.Out);
        Assert.Equal("failed", VerifierRun.Status(report, "issuer trusted"));
    }

    [Fact]
    public async Task Refresh_accepts_a_newer_bundle_signed_by_the_key_the_office_already_trusts()
    {
        using var next = Ed25519KeyPair.Generate();
        using var server = new LoopbackServer(Encoding.UTF8.GetBytes(
            TrustContinuityTests.NewerBundle("Riverside Community College", next, signer: Signatures.School()).ToJsonString()));
        using var store = StoreWithBundleAt(server.Url);

        var refresh = await VerifierRun.RunAsync("status", "refresh", "--trust-store", store.Folder);
        var list = await VerifierRun.RunAsync("trust", "list", "--trust-store", store.Folder);

        Assert.Contains("Updated.", refresh.Out);
        var stored = Assert.Single(new TrustStore.TrustStore(store.Folder).List());
        Assert.NotNull(stored.Institution.Find($"{Files.Did}#{Multikey.Encode(next.PublicKey)}"));
        Assert.Contains("active", list.Out);
    }

    private static TempStore StoreWithBundleAt(string url)
    {
        var store = new TempStore();
        var bundle = Files.Json("riverside.trust.json");
        bundle["statusLists"] = new JsonArray();
        bundle["url"] = url;
        new TrustStore.TrustStore(store.Folder).Add(Encoding.UTF8.GetBytes(bundle.ToJsonString()));
        return store;
    }

    private static TempStore StoreListing(string url)
    {
        var store = new TempStore();
        var bundle = Files.Json("riverside.trust.json");
        bundle["statusLists"] = new JsonArray(url);
        new TrustStore.TrustStore(store.Folder).Save(TrustStore.TrustedIssuer.FromFile(Encoding.UTF8.GetBytes(bundle.ToJsonString())));
        return store;
    }

    /// <summary>Serves one body at /status/1 on 127.0.0.1 only.</summary>
    private sealed class LoopbackServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly byte[] _body;

        public LoopbackServer(byte[] body)
        {
            _body = body;
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}/status/1";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _ = ServeAsync();
        }

        public string Url { get; }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
                context.Response.ContentType = "application/vc+ld+json";
                await context.Response.OutputStream.WriteAsync(_body);
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        public void Dispose()
        {
            if (_listener.IsListening)
            {
                _listener.Stop();
            }
            _listener.Close();
        }
    }
}
