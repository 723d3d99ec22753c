using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Transcripts.Api.Tests.Features.Web;

/// <summary>
/// Three schools with their own identity providers (<see cref="FakeIdentityProvider"/>, reached as the handler's backchannel):
/// "north" and "south" for two institutions, "east" for a third that a test suspends. A provider must name an institution
/// that exists when the service starts, so the institutions are seeded first by another instance on the same database.
/// </summary>
public sealed class SchoolProviders
{
    public const string ClientSecret = "a client secret of the test";

    private readonly Dictionary<string, (School School, FakeIdentityProvider Idp)> _schools = new(StringComparer.Ordinal);

    public School SchoolOf(string name) => _schools[name].School;

    public FakeIdentityProvider IdpOf(string name) => _schools[name].Idp;

    public async Task SeedAsync(TranscriptsApp seeder, TimeProvider clock)
    {
        foreach (var name in new[] { "north", "south", "east" })
        {
            var school = await seeder.SeedInstitutionAsync($"{name} school");
            _schools[name] = (school, new FakeIdentityProvider($"https://idp-{name}.example", $"transcripts-{name}", ClientSecret, clock));
        }
    }

    public void Configure(IWebHostBuilder builder)
    {
        foreach (var (name, (school, idp)) in _schools)
        {
            builder.UseSetting($"Web:OpenIdConnect:{name}:Authority", idp.Authority);
            builder.UseSetting($"Web:OpenIdConnect:{name}:ClientId", idp.ClientId);
            builder.UseSetting($"Web:OpenIdConnect:{name}:ClientSecret", ClientSecret);
            builder.UseSetting($"Web:OpenIdConnect:{name}:DisplayName", $"{char.ToUpperInvariant(name[0])}{name[1..]} School");
            builder.UseSetting($"Web:OpenIdConnect:{name}:InstitutionId", school.Id.ToString());
        }
        builder.UseSetting("Web:SignInAttemptsPerMinute", "1000");
        builder.ConfigureTestServices(services =>
        {
            foreach (var (name, (_, idp)) in _schools)
            {
                services.Configure<OpenIdConnectOptions>("oidc-" + name, o => o.BackchannelHttpHandler = idp);
            }
        });
    }
}

/// <summary>
/// The service on SQLite with three schools' providers. Its clock starts at the real time: the browser's cookie jar drops a
/// correlation cookie whose expiry lies in the real past, and the id_token's lifetime is checked on the real clock.
/// </summary>
public sealed class SchoolSignInSqliteApp : SqliteApp, IAsyncLifetime
{
    public SchoolProviders Schools { get; } = new();

    public async Task InitializeAsync()
    {
        Clock.SetUtcNow(TimeProvider.System.GetUtcNow());
        using var seeder = new SqliteSeeder(DataDir);
        await Schools.SeedAsync(seeder, Clock);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Schools.Configure(builder);
    }
}

/// <summary>An instance that only seeds, over the SQLite database in <paramref name="dataDirectory"/>, another instance's.</summary>
public sealed class SqliteSeeder(string dataDirectory) : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Storage:DataDirectory", dataDirectory);
    }
}

/// <summary>The same on PostgreSQL: the seeding instance shares the database and leaves it for this one to drop.</summary>
public sealed class SchoolSignInPostgresApp : PostgresApp, IAsyncLifetime
{
    public SchoolProviders Schools { get; } = new();

    public async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            return;   // each test is skipped (or fails in CI) by EnsureAvailable
        }
        Clock.SetUtcNow(TimeProvider.System.GetUtcNow());
        using var seeder = new Seeder(DatabaseName);
        await Schools.SeedAsync(seeder, Clock);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Schools.Configure(builder);
    }

    private sealed class Seeder(string database) : PostgresApp(database, dropsDatabase: false);
}
