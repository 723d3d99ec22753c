using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Institutions;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Tests;

/// <summary>
/// The service over a real database with its migrations applied, a fake clock, and clients that authenticate
/// with real API keys. One app per test class; each test seeds its own institution.
/// </summary>
public abstract class TranscriptsApp : WebApplicationFactory<Program>
{
    protected string DataDir { get; } = Directory.CreateTempSubdirectory("transcripts-tests-").FullName;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>What start-up printed (the first admin key).</summary>
    public StringWriter Console { get; } = new();

    public string DataDirectory => DataDir;

    /// <summary>The key-encryption key the test apps sign under (base64 of 32 bytes).</summary>
    public static readonly string Kek = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>Every log line the app wrote at or above <see cref="MinimumLogLevel"/>, with exceptions and scopes.</summary>
    public LogCapture Logs { get; } = new();

    protected virtual LogLevel MinimumLogLevel => LogLevel.Warning;

    protected virtual string? KeyEncryptionKey => Kek;

    /// <summary>Requests one address may make to the anonymous endpoints per window.</summary>
    protected virtual int PermitLimit => 1_000_000_000;

    private readonly SemaphoreSlim _operatorLock = new(1, 1);
    private string? _operatorKey;

    /// <summary>The app's operator key (service-wide, of no institution), made on first use.</summary>
    public async Task<string> OperatorKeyAsync()
    {
        await _operatorLock.WaitAsync();
        try
        {
            return _operatorKey ??= await WithDbAsync(async db =>
            {
                var (secret, key) = ApiKeyAuthentication.NewOperatorKey("test operator", Clock.GetUtcNow());
                db.OperatorKeys.Add(key);
                await db.SaveChangesAsync();
                return secret;
            });
        }
        finally
        {
            _operatorLock.Release();
        }
    }

    /// <summary>
    /// What any write would change, over the whole database or one institution's rows: every table's row count, the sum of
    /// versions of versioned rows, and the revoked, withdrawn, suspended and opened marks that writes set in place.
    /// </summary>
    internal Task<string> FullSnapshotAsync(Guid? institutionId = null) => WithDbAsync(async db =>
    {
        bool All(Guid id) => institutionId is null || id == institutionId;
        var learners = (await db.Learners.AsNoTracking().ToListAsync()).Where(l => All(l.InstitutionId)).ToList();
        var learnerIds = learners.Select(l => l.Id).ToHashSet();
        var frameworks = (await db.Frameworks.AsNoTracking().ToListAsync()).Where(f => All(f.InstitutionId)).ToList();
        var frameworkIds = frameworks.Select(f => f.Id).ToHashSet();
        var scales = (await db.Scales.AsNoTracking().ToListAsync()).Where(x => All(x.InstitutionId)).ToList();
        var credentials = (await db.Credentials.AsNoTracking().ToListAsync()).Where(c => All(c.InstitutionId)).ToList();
        var links = (await db.ShareLinks.AsNoTracking().ToListAsync()).Where(l => All(l.InstitutionId)).ToList();
        var keys = (await db.ApiKeys.AsNoTracking().ToListAsync()).Where(k => All(k.InstitutionId)).ToList();
        var signingKeys = (await db.SigningKeys.AsNoTracking().ToListAsync()).Where(k => All(k.InstitutionId)).ToList();
        var institutions = (await db.Institutions.AsNoTracking().ToListAsync()).Where(i => All(i.Id)).ToList();
        var assessments = (await db.Assessments.AsNoTracking().ToListAsync()).Where(a => learnerIds.Contains(a.LearnerId)).ToList();
        var attainments = (await db.Attainments.AsNoTracking().ToListAsync()).Where(a => learnerIds.Contains(a.LearnerId)).ToList();
        var parts = new object[]
        {
            institutions.Count, institutions.Sum(i => i.RowVersion), institutions.Count(i => i.SuspendedAt is not null),
            keys.Count, keys.Count(k => k.RevokedAt is not null), signingKeys.Count, signingKeys.Count(k => k.RevokedAt is not null || k.RetiredAt is not null),
            learners.Count, learners.Sum(l => l.RowVersion), learners.Count(l => l.IsArchived),
            frameworks.Count, frameworks.Sum(f => f.RowVersion), scales.Count, scales.Sum(x => x.RowVersion),
            (await db.Competencies.AsNoTracking().ToListAsync()).Where(c => frameworkIds.Contains(c.FrameworkId)).Sum(c => 1 + c.RowVersion),
            (await db.Evidence.AsNoTracking().ToListAsync()).Count(e => learnerIds.Contains(e.LearnerId)),
            assessments.Count, assessments.Sum(a => a.RowVersion), attainments.Count, attainments.Sum(a => a.RowVersion),
            (await db.LearnerGoals.AsNoTracking().ToListAsync()).Count(g => learnerIds.Contains(g.LearnerId)),
            credentials.Count, credentials.Sum(c => c.RowVersion), credentials.Count(c => c.RevokedAt is not null), credentials.Count(c => c.IsSuspended), credentials.Count(c => c.PageTakenDownAt is not null),
            links.Count, links.Sum(l => l.OpenCount), links.Count(l => l.WithdrawnAt is not null),
            (await db.StatusLists.AsNoTracking().ToListAsync()).Where(l => All(l.InstitutionId)).Sum(l => 1 + l.RowVersion),
            (await db.Batches.AsNoTracking().ToListAsync()).Count(b => All(b.InstitutionId)),
            (await db.AuditEvents.AsNoTracking().ToListAsync()).Count(e => institutionId is null || e.InstitutionId == institutionId),
            (await db.Disclosures.AsNoTracking().ToListAsync()).Count(d => All(d.InstitutionId)),
        };
        return string.Join(',', parts);
    });

    protected abstract void ConfigureStorage(IWebHostBuilder builder);

    /// <summary>Skips the calling test when this app's database is not available here.</summary>
    public abstract void EnsureAvailable();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DataDirectory", DataDir);
        // Tests run the status list re-signer's pass themselves (StatusListResigner.ResignDueAsync), at the fake clock's time.
        builder.UseSetting("StatusLists:ResignInBackground", "false");
        // Tests that run a batch's processor themselves count what it saved: the background runner, which would join any
        // batch with unclaimed learners, looks for such work only on start (a batch created through the API wakes it at once).
        builder.UseSetting("Batches:PollInterval", "01:00:00");
        // Every request of a test comes from one address: the public rate limit is lifted except where a test sets it.
        builder.UseSetting("RateLimits:PermitLimit", PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (KeyEncryptionKey is { } kek)
        {
            builder.UseSetting("Signing:KeyEncryptionKey", kek);
        }
        ConfigureStorage(builder);
        builder.ConfigureLogging(l => l.SetMinimumLevel(MinimumLogLevel).AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>().AddSingleton<TimeProvider>(Clock);
            services.RemoveAll<ConsoleOutput>().AddSingleton(new ConsoleOutput(Console));
        });
    }

    public HttpClient CreateClientFor(string apiKey)
    {
        EnsureAvailable();
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    private Task? _prepared;

    /// <summary>
    /// Waits for the start-up work that runs once the server listens (on an empty database: an institution and its first
    /// admin key). Requests wait for it by themselves; direct database access must too, or what a test seeds and counts
    /// races with it.
    /// </summary>
    private Task PreparedAsync() => _prepared ??= PrepareAsync();

    private async Task PrepareAsync()
    {
        using var client = CreateClient();
        // Any answer will do (a service without a key-encryption key is unhealthy): it comes only after the start-up work.
        using var response = await client.GetAsync("/health");
    }

    internal async Task<T> WithDbAsync<T>(Func<TranscriptsDb, Task<T>> action)
    {
        EnsureAvailable();
        await PreparedAsync();
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TranscriptsDb>());
    }

    /// <summary>Row counts that any write would change: every write appends an audit event, every read of records a disclosure.</summary>
    public Task<(int AuditEvents, int Disclosures)> SnapshotAsync() =>
        WithDbAsync(async db => (await db.AuditEvents.CountAsync(), await db.Disclosures.CountAsync()));

    /// <summary>A fresh institution with a key per role, two learners with their own keys, and a framework on a 4-level scale.</summary>
    public async Task<School> SeedInstitutionAsync(string name = "Test school") => await WithDbAsync(async db =>
    {
        var now = Clock.GetUtcNow();
        var institution = new Institution { Name = name };
        // Each institution its own did:web: a public base URL is unique per institution.
        institution.PublicBaseUrl = School.BaseUrlOf(institution.Id).ToString();
        var admin = NewInstitution.Add(db, institution, Roles.Admin + " key", Clock).AdminKeySecret;
        var scale = new ProficiencyScale { InstitutionId = institution.Id, Title = "Four levels" };
        string[] titles = ["Beginning", "Developing", "Proficient", "Advanced"];
        scale.Levels.AddRange(titles.Select((t, i) => new Level { ScaleId = scale.Id, Ordinal = i + 1, Title = t, Score = i + 1 }));
        scale.MasteryLevelId = scale.Levels[2].Id;
        db.Scales.Add(scale);
        var framework = new Framework { InstitutionId = institution.Id, Title = "Test framework", ScaleId = scale.Id, UpdatedAt = now };
        var domain = new Competency { FrameworkId = framework.Id, HumanCode = "D", FullStatement = "Domain" };
        framework.Competencies.Add(domain);
        for (var i = 1; i <= 3; i++)
        {
            framework.Competencies.Add(new Competency { FrameworkId = framework.Id, ParentId = domain.Id, HumanCode = $"D.{i}", FullStatement = $"Competency {i}", ListOrder = i });
        }
        db.Frameworks.Add(framework);
        db.MasteryRules.Add(new MasteryRule { FrameworkId = framework.Id });
        var a = new Learner { InstitutionId = institution.Id, Name = "Ελένη Παπαδοπούλου", CreatedAt = now };
        var b = new Learner { InstitutionId = institution.Id, Name = "Анна Кузнецова", CreatedAt = now };
        db.Learners.AddRange(a, b);
        string Key(string role, Guid? learner = null)
        {
            var (secret, key) = ApiKeyAuthentication.NewKey(institution.Id, role, role + " key", learner, now);
            db.ApiKeys.Add(key);
            return secret;
        }
        var school = new School(institution.Id, admin, Key(Roles.Registrar), Key(Roles.Assessor),
            a.Id, Key(Roles.Learner, a.Id), b.Id, Key(Roles.Learner, b.Id), framework.Id, scale.Id,
            scale.Levels.Select(l => l.Id).ToArray(), framework.Competencies.Skip(1).Select(c => c.Id).ToArray());
        await db.SaveChangesAsync();
        return school;
    });
}

/// <summary>Ids and keys of one seeded institution. Levels are Beginning, Developing, Proficient (mastery), Advanced.</summary>
public sealed record School(Guid Id, string Admin, string Registrar, string Assessor, Guid LearnerA, string LearnerAKey,
    Guid LearnerB, string LearnerBKey, Guid FrameworkId, Guid ScaleId, Guid[] Levels, Guid[] Competencies)
{
    /// <summary>
    /// The public base URL a seeded institution is given: https://s{the random last 12 hex digits of its id}.school.example/,
    /// unique per institution and short enough that the printed QR text stays within what a phone reads.
    /// </summary>
    public static Uri BaseUrlOf(Guid institutionId) => new($"https://{HostOf(institutionId)}/");

    private static string HostOf(Guid institutionId) => $"s{institutionId.ToString("N")[20..]}.school.example";

    /// <summary>The host of <see cref="BaseUrl"/>.</summary>
    public string Host => HostOf(Id);

    /// <summary>The institution's public base URL.</summary>
    public Uri BaseUrl => BaseUrlOf(Id);

    /// <summary>The institution's did:web.</summary>
    public string Did => "did:web:" + Host;

    public string KeyFor(string role) => role switch
    {
        "admin" => Admin,
        "registrar" => Registrar,
        "assessor" => Assessor,
        "learner" => LearnerAKey,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}

/// <summary>The service over a real SQLite file in a temporary folder, deleted afterwards.</summary>
public class SqliteApp : TranscriptsApp
{
    protected override void ConfigureStorage(IWebHostBuilder builder) => builder.UseSetting("Storage:Provider", "Sqlite");

    public override void EnsureAvailable()
    {
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataDir))
        {
            Directory.Delete(DataDir, recursive: true);
        }
    }
}

/// <summary>
/// The same service on PostgreSQL, in a database of its own that is dropped afterwards. Needs
/// TRANSCRIPTS_TEST_POSTGRES (a connection string without a database); without it the tests are skipped,
/// or fail when TRANSCRIPTS_REQUIRE_SPEC=1 (CI).
/// </summary>
public class PostgresApp : TranscriptsApp
{
    public const string Variable = "TRANSCRIPTS_TEST_POSTGRES";
    private static readonly string? s_server = Environment.GetEnvironmentVariable(Variable);
    private readonly string _database;
    private readonly bool _dropsDatabase;

    public PostgresApp() : this("transcripts_test_" + Guid.NewGuid().ToString("N"), dropsDatabase: true)
    {
    }

    /// <summary>The database this instance uses.</summary>
    protected string DatabaseName => _database;

    /// <summary>An instance on <paramref name="database"/>, which another instance may share; only one of them drops it.</summary>
    protected PostgresApp(string database, bool dropsDatabase)
    {
        _database = database;
        _dropsDatabase = dropsDatabase;
    }

    public override void EnsureAvailable()
    {
        if (!string.IsNullOrWhiteSpace(s_server))
        {
            return;
        }
        if (Environment.GetEnvironmentVariable("TRANSCRIPTS_REQUIRE_SPEC") == "1")
        {
            throw new InvalidOperationException($"{Variable} is not set, and CI (TRANSCRIPTS_REQUIRE_SPEC=1) requires the PostgreSQL run.");
        }
        Skip.If(true, $"{Variable} is not set: the PostgreSQL run of this test is skipped.");
    }

    protected override void ConfigureStorage(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:Provider", "Postgres");
        builder.UseSetting("Storage:ConnectionString", $"{s_server};Database={_database}");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (string.IsNullOrWhiteSpace(s_server) || !_dropsDatabase)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection($"{s_server};Database=postgres");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)";
        command.ExecuteNonQuery();
        if (Directory.Exists(DataDir))
        {
            Directory.Delete(DataDir, recursive: true);
        }
    }
}
