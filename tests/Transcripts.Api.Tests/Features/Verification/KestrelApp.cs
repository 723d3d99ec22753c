using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Transcripts.Api.Tests.Features.Verification;

/// <summary>
/// The service on real Kestrel at 127.0.0.1 (a browser cannot reach TestServer), over SQLite, logging everything so a
/// test can check what the public page logs.
/// </summary>
public sealed class KestrelApp : SqliteApp
{
    public KestrelApp()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    /// <summary>Where the browser reaches the service, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public Uri BaseAddress { get; }

    protected override LogLevel MinimumLogLevel => LogLevel.Trace;
}
