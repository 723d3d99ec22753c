using System.Net;
using System.Text.RegularExpressions;

namespace Transcripts.Api.Tests.Features.Tenancy;

/// <summary>
/// Two institutions on one service, over the whole endpoint table: institution A's keys, sent at institution B's resources,
/// get 404 when B's ids are in the path; when they are only in the body (a learner to assess, credentials to print), the
/// answer is exactly the one an id that exists nowhere gets, so nothing tells B's records apart from no records. Either
/// way nothing changes anywhere. An endpoint that names no id acts on A alone,
/// leaves B's rows as they were and answers nothing of B's. The pair is seeded once per class: nothing A does may touch B.
/// </summary>
public abstract class TenantIsolationTests(TranscriptsApp app, TenantIsolationTests.Pair pair)
{
    /// <summary>Institution B with one of everything, and institution A, seeded once for the class.</summary>
    public sealed class Pair : IDisposable
    {
        private readonly SemaphoreSlim _lock = new(1, 1);
        private (Seeded B, Seeded A)? _seeded;

        public async Task<(Seeded B, Seeded A)> GetAsync(TranscriptsApp app)
        {
            await _lock.WaitAsync();
            try
            {
                return _seeded ??= (await Seeded.ForEveryEndpointAsync(app), await Seeded.ForEveryEndpointAsync(app));
            }
            finally
            {
                _lock.Release();
            }
        }

        public void Dispose() => _lock.Dispose();
    }

    public static TheoryData<string> InstitutionEndpoints()
    {
        var data = new TheoryData<string>();
        foreach (var endpoint in Endpoints.All.Where(e => !e.IsOperator))
        {
            data.Add(endpoint.Name);
        }
        return data;
    }

    [SkippableTheory, MemberData(nameof(InstitutionEndpoints))]
    public async Task Another_institutions_keys_reach_nothing_of_this_institution(string endpointName)
    {
        app.EnsureAvailable();
        var endpoint = Endpoints.Named(endpointName);
        var (b, a) = await pair.GetAsync(app);
        // The most powerful role the endpoint allows, of institution A; a learner-only case uses A's learner.
        var role = endpoint.Roles.Contains("admin") ? "admin" : endpoint.Roles[0];
        using var client = app.CreateClientFor(a.School.KeyFor(role));
        var namesB = await NamesAsync(endpoint, b);
        var pathNamesB = Names(endpoint.Path(b), b);
        var before = await app.FullSnapshotAsync();
        var beforeB = await app.FullSnapshotAsync(b.School.Id);

        using var response = await client.SendAsync(Endpoints.Request(endpoint, b));
        var body = await response.Content.ReadAsStringAsync();
        if (endpoint.StartsBackgroundWork && response.IsSuccessStatusCode)
        {
            await Endpoints.SettleAsync(client, response);
        }

        if (pathNamesB)
        {
            await Problem.AssertAsync(response, HttpStatusCode.NotFound, "not-found");
            Assert.Equal(before, await app.FullSnapshotAsync());
        }
        else if (namesB)
        {
            Assert.Equal(before, await app.FullSnapshotAsync());
            using var unknown = await WithUnknownIdsAsync(endpoint, b);
            using var answer = await client.SendAsync(unknown);
            Assert.Equal(answer.StatusCode, response.StatusCode);
            Assert.Equal(answer.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentType?.MediaType);
            if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
            {
                Assert.Equal(CodeOf(await answer.Content.ReadAsStringAsync()), CodeOf(body));
            }
            else if (response.Content.Headers.ContentType?.MediaType == "application/zip")
            {
                // A batch of documents answers per item: B's items must be missing exactly as unknown ones are.
                using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
                Assert.DoesNotContain(zip.Entries, e => e.Name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase));
            }
        }
        else
        {
            Assert.Equal(beforeB, await app.FullSnapshotAsync(b.School.Id));
            foreach (var id in IdsOf(b).Where(id => id != Guid.Empty))
            {
                Assert.DoesNotContain(id.ToString(), body, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [SkippableFact]
    public async Task The_disclosure_log_and_the_export_never_cross_institutions()
    {
        var (b, a) = await pair.GetAsync(app);
        using var adminA = app.CreateClientFor(a.School.Admin);
        using var learnerA = app.CreateClientFor(a.School.LearnerAKey);

        var disclosures = await (await adminA.GetAsync($"/learners/{a.School.LearnerA}/disclosures")).Content.ReadAsStringAsync();
        var export = await (await learnerA.GetAsync($"/learners/{a.School.LearnerA}/credentials/export")).Content.ReadAsStringAsync();
        var events = await (await adminA.GetAsync("/audit/events?pageSize=200")).Content.ReadAsStringAsync();

        foreach (var id in IdsOf(b).Where(id => id != Guid.Empty))
        {
            Assert.DoesNotContain(id.ToString(), disclosures, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(id.ToString(), export, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(id.ToString(), events, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain(b.School.Host, export, StringComparison.OrdinalIgnoreCase);
        await Problem.AssertAsync(await adminA.GetAsync($"/learners/{b.School.LearnerA}/disclosures"), HttpStatusCode.NotFound, "not-found");
    }

    private static async Task<bool> NamesAsync(Endpoints.Endpoint endpoint, Seeded b) =>
        Names(endpoint.Path(b) + (endpoint.Body(b) is { } content ? await content.ReadAsStringAsync() : ""), b);

    private static bool Names(string text, Seeded b) =>
        IdsOf(b).Where(id => id != Guid.Empty).Any(id => text.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The same request with every id of B in its body replaced by one that exists nowhere.</summary>
    private static async Task<HttpRequestMessage> WithUnknownIdsAsync(Endpoints.Endpoint endpoint, Seeded b)
    {
        var content = endpoint.Body(b)!;
        var text = await content.ReadAsStringAsync();
        foreach (var id in IdsOf(b).Where(id => id != Guid.Empty))
        {
            text = text.Replace(id.ToString(), Guid.NewGuid().ToString(), StringComparison.OrdinalIgnoreCase);
        }
        var replaced = new StringContent(text, System.Text.Encoding.UTF8);
        replaced.Headers.ContentType = content.Headers.ContentType;
        return new HttpRequestMessage(endpoint.Method, endpoint.Path(b)) { Content = replaced };
    }

    private static string? CodeOf(string problem) =>
        System.Text.Json.JsonDocument.Parse(problem).RootElement.GetProperty("code").GetString();

    private static IEnumerable<Guid> IdsOf(Seeded s) =>
    [
        s.School.Id, s.School.LearnerA, s.School.LearnerB, s.School.FrameworkId, s.School.ScaleId, .. s.School.Levels, .. s.School.Competencies,
        s.EvidenceId, s.FileEvidenceId, s.AssessmentId, s.AttainmentId, s.GoalId, s.SpareKeyId, s.CredentialId, s.SigningKeyId,
        s.SuspendableCredentialId, s.SuspendedCredentialId, s.TranscriptId, s.ShareLinkId, s.BatchId,
    ];

    public sealed class OnSqlite(SqliteApp app, Pair pair) : TenantIsolationTests(app, pair), IClassFixture<SqliteApp>, IClassFixture<Pair>;

    public sealed class OnPostgres(PostgresApp app, Pair pair) : TenantIsolationTests(app, pair), IClassFixture<PostgresApp>, IClassFixture<Pair>;
}
