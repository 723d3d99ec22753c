using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace Transcripts.Api.Tests.Features.VcApi;

/// <summary>
/// The built service serving HTTPS on loopback with a configured certificate, as the README tells an operator (and the
/// W3C VC test suites) to run it: a PKCS #12 file with a password, or a PEM certificate and key. The VC API issues and
/// verifies over TLS, and the certificate the client sees is the one configured.
/// </summary>
public sealed class HttpsTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("transcripts-https-").FullName;

    [Theory]
    [InlineData("pfx")]
    [InlineData("pem")]
    public async Task The_vc_api_issues_and_verifies_over_https_with_the_configured_certificate(string format)
    {
        using var certificate = SelfSignedForLoopback();
        var (process, port) = StartOverHttps(format == "pfx" ? PfxSettings(certificate) : PemSettings(certificate));
        X509Certificate2? presented = null;
        using var handler = new HttpClientHandler
        {
            // Trust exactly the configured certificate, and remember what the server presented.
            ServerCertificateCustomValidationCallback = (_, server, _, _) =>
            {
                presented ??= server is null ? null : X509CertificateLoader.LoadCertificate(server.RawData);
                return server?.Thumbprint == certificate.Thumbprint;
            },
        };
        using var client = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{port}") };
        try
        {
            var adminKey = await ServiceProcess.ReadPrintedAdminKeyAsync(process);
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            await ServiceProcess.WaitUntilHealthyAsync(client, process);

            // A fresh institution has no domain yet: it issues as did:key, as the W3C suites' issuers do.
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
            (await client.PutAsJsonAsync("/signing-keys/settings", new { cryptosuite = "eddsa-rdfc-2022", usesDidKey = true })).EnsureSuccessStatusCode();
            var issued = await client.PostAsJsonAsync("/credentials/issue", new { credential = Credential() });
            client.DefaultRequestHeaders.Authorization = null;
            var signed = JsonNode.Parse((await Seeded.Json(issued)).GetProperty("verifiableCredential").GetRawText())!.AsObject();
            var verified = await client.PostAsJsonAsync("/credentials/verify", new { verifiableCredential = signed });

            Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
            Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
            Assert.Equal(0, (await Seeded.Json(verified)).GetProperty("errors").GetArrayLength());
            Assert.Equal(certificate.Thumbprint, presented?.Thumbprint);
        }
        finally
        {
            await StopAsync(process);
            presented?.Dispose();
        }
    }

    [Fact]
    public async Task Plain_http_to_the_https_port_gets_no_api_response()
    {
        using var certificate = SelfSignedForLoopback();
        var (process, port) = StartOverHttps(PfxSettings(certificate));
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, server, _, _) => server?.Thumbprint == certificate.Thumbprint };
        using var tls = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{port}") };
        using var plain = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            await ServiceProcess.WaitUntilHealthyAsync(tls, process);

            // Kestrel answers a plain request on a TLS endpoint with a bare 400 (or drops it); never the API's answer.
            var answer = await TryGetAsync(plain, "/health");

            Assert.NotEqual(HttpStatusCode.OK, answer);
        }
        finally
        {
            await StopAsync(process);
        }
    }

    private (Process Process, int Port) StartOverHttps(IEnumerable<string> certificateSettings)
    {
        var port = ServiceProcess.FreePort();
        var process = Process.Start(ServiceProcess.StartInfo(_dataDir,
            ["--urls", $"https://127.0.0.1:{port}", "--Storage:DataDirectory", _dataDir, "--Logging:LogLevel:Default", "Warning", .. certificateSettings]))!;
        return (process, port);
    }

    private static async Task StopAsync(Process process)
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private static async Task<HttpStatusCode?> TryGetAsync(HttpClient client, string path)
    {
        try
        {
            return (await client.GetAsync(path)).StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static JsonObject Credential() => JsonNode.Parse("""
        {"@context":["https://www.w3.org/ns/credentials/v2","https://www.w3.org/ns/credentials/examples/v2"],
         "type":["VerifiableCredential","ExampleAlumniCredential"],"issuer":"did:example:placeholder",
         "validFrom":"2026-01-01T00:00:00Z","credentialSubject":{"id":"did:example:ebfeb1f712ebc6f1c276e12ec21","alumniOf":"Example University"}}
        """)!.AsObject();

    private static X509Certificate2 SelfSignedForLoopback()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));   // server authentication
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }

    private string[] PfxSettings(X509Certificate2 certificate)
    {
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var path = Path.Combine(_dataDir, "server.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return ["--Kestrel:Certificates:Default:Path", path, "--Kestrel:Certificates:Default:Password", password];
    }

    private string[] PemSettings(X509Certificate2 certificate)
    {
        var certificatePath = Path.Combine(_dataDir, "server.crt");
        var keyPath = Path.Combine(_dataDir, "server.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        return ["--Kestrel:Certificates:Default:Path", certificatePath, "--Kestrel:Certificates:Default:KeyPath", keyPath];
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }
}
