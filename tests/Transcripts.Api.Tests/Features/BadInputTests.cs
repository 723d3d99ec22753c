using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Transcripts.Api.Tests.Features;

/// <summary>
/// Every endpoint against malformed JSON, missing and wrongly typed fields, oversize bodies, wrong media types,
/// unknown ids and stale versions: the right status, a problem with its code, and nothing written.
/// </summary>
public abstract partial class BadInputTests(TranscriptsApp app)
{
    public static TheoryData<string> JsonEndpoints() => Names(e => e.IsJson);

    // Endpoints whose every field is optional (a batch of every learner, say) have nothing to miss.
    public static TheoryData<string> EndpointsWithRequiredFields() => Names(e => e.IsJson && e.HasRequiredFields);

    public static TheoryData<string> EndpointsWithIds() => Names(e => GuidInPath().IsMatch(e.Path(Endpoints.Placeholder)));

    public static TheoryData<string> VersionedEndpoints() => Names(e => e.HasVersion);

    private static TheoryData<string> Names(Func<Endpoints.Endpoint, bool> predicate)
    {
        var data = new TheoryData<string>();
        // An institution's admin drives these; the operator's endpoints have their own bad-input tests (OperatorTests).
        foreach (var endpoint in Endpoints.All.Where(e => !e.IsOperator).Where(predicate))
        {
            data.Add(endpoint.Name);
        }
        return data;
    }

    private async Task<(Seeded Seeded, HttpClient Admin)> ArrangeAsync()
    {
        var seeded = await Seeded.ForEveryEndpointAsync(app);
        return (seeded, app.CreateClientFor(seeded.School.Admin));
    }

    private async Task AssertUnchangedAsync(Func<Task> act)
    {
        var before = await app.SnapshotAsync();
        await act();
        Assert.Equal(before, await app.SnapshotAsync());
    }

    private static HttpRequestMessage With(Endpoints.Endpoint endpoint, Seeded seeded, HttpContent content) =>
        new(endpoint.Method, endpoint.Path(seeded)) { Content = content };

    [SkippableTheory, MemberData(nameof(JsonEndpoints))]
    public async Task Malformed_json_gets_400(string name)
    {
        var (seeded, admin) = await ArrangeAsync();
        var endpoint = Endpoints.Named(name);
        await AssertUnchangedAsync(async () =>
        {
            var response = await admin.SendAsync(With(endpoint, seeded, new StringContent("{\"name\": ", Encoding.UTF8, "application/json")));
            await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "malformed-json");
        });
    }

    [SkippableTheory, MemberData(nameof(JsonEndpoints))]
    public async Task Wrongly_typed_field_gets_400_naming_the_field(string name)
    {
        var (seeded, admin) = await ArrangeAsync();
        var endpoint = Endpoints.Named(name);
        var body = JsonNode.Parse(await endpoint.Body(seeded)!.ReadAsStringAsync())!.AsObject();
        var field = body.First().Key;
        body[field] = new JsonObject { ["not"] = "a " + field };
        await AssertUnchangedAsync(async () =>
        {
            var response = await admin.SendAsync(With(endpoint, seeded, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json")));
            var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "malformed-json");
            Assert.True(problem.GetProperty("errors").TryGetProperty("$." + field, out _), problem.ToString());
        });
    }

    [SkippableTheory, MemberData(nameof(EndpointsWithRequiredFields))]
    public async Task Missing_fields_get_400_naming_them(string name)
    {
        var (seeded, admin) = await ArrangeAsync();
        var endpoint = Endpoints.Named(name);
        await AssertUnchangedAsync(async () =>
        {
            var response = await admin.SendAsync(With(endpoint, seeded, new StringContent("{}", Encoding.UTF8, "application/json")));
            var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "malformed-json");
            Assert.Contains("missing required properties", problem.GetProperty("errors").GetProperty("$")[0].GetString());
        });
    }

    [SkippableTheory, MemberData(nameof(JsonEndpoints))]
    public async Task Oversize_body_gets_413(string name)
    {
        var (seeded, admin) = await ArrangeAsync();
        var endpoint = Endpoints.Named(name);
        var huge = "{\"title\":\"" + new string('x', 3 * 1024 * 1024) + "\"}";
        await AssertUnchangedAsync(async () =>
        {
            var response = await admin.SendAsync(With(endpoint, seeded, new StringContent(huge, Encoding.UTF8, "application/json")));
            await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        });
    }

    [SkippableTheory, MemberData(nameof(JsonEndpoints))]
    public async Task Unsupported_media_type_gets_415(string name)
    {
        var (seeded, admin) = await ArrangeAsync();
        var endpoint = Endpoints.Named(name);
        var json = await endpoint.Body(seeded)!.ReadAsStringAsync();
        await AssertUnchangedAsync(async () =>
        {
            var response = await admin.SendAsync(With(endpoint, seeded, new StringContent(json, Encoding.UTF8, "text/plain")));
            await Problem.AssertAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        });
    }

    [SkippableTheory, MemberData(nameof(EndpointsWithIds))]
    public async Task Unknown_id_gets_404(string name)
    {
        var (seeded, admin) = await ArrangeAsync();
        var endpoint = Endpoints.Named(name);
        var path = GuidInPath().Replace(endpoint.Path(seeded), _ => Guid.NewGuid().ToString());
        await AssertUnchangedAsync(async () =>
        {
            var response = await admin.SendAsync(Endpoints.Request(endpoint, seeded, path));
            await Problem.AssertAsync(response, HttpStatusCode.NotFound, "not-found");
        });
    }

    [SkippableTheory, MemberData(nameof(VersionedEndpoints))]
    public async Task Stale_version_gets_409(string name)
    {
        var (seeded, admin) = await ArrangeAsync();
        var endpoint = Endpoints.Named(name);
        var body = JsonNode.Parse(await endpoint.Body(seeded)!.ReadAsStringAsync())!.AsObject();
        body["version"] = 99;
        await AssertUnchangedAsync(async () =>
        {
            var response = await admin.SendAsync(With(endpoint, seeded, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json")));
            await Problem.AssertAsync(response, HttpStatusCode.Conflict, "stale-update");
        });
    }

    [SkippableFact]
    public async Task Second_update_with_the_same_version_gets_409()
    {
        var (seeded, admin) = await ArrangeAsync();
        var endpoint = Endpoints.Named("UpdateLearner");
        (await admin.SendAsync(Endpoints.Request(endpoint, seeded))).EnsureSuccessStatusCode();
        await AssertUnchangedAsync(async () =>
            await Problem.AssertAsync(await admin.SendAsync(Endpoints.Request(endpoint, seeded)), HttpStatusCode.Conflict, "stale-update"));
    }

    [SkippableFact]
    public async Task Validation_rules_get_400_with_the_field()
    {
        var (seeded, admin) = await ArrangeAsync();
        await AssertUnchangedAsync(async () =>
        {
            var problem = await Problem.AssertAsync(await admin.PostAsync($"/learners/{seeded.School.LearnerA}/evidence",
                new StringContent("""{"title":"","narrative":"x"}""", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "validation-failed");
            Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.Equals("title", StringComparison.OrdinalIgnoreCase));
            problem = await Problem.AssertAsync(await admin.PostAsync("/assessments", new StringContent(JsonSerializer.Serialize(new
            {
                learnerId = seeded.School.LearnerA, competencyId = seeded.School.Competencies[0], levelId = Guid.NewGuid(),
            }), Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "validation-failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty("levelId", out _));
            await Problem.AssertAsync(await admin.GetAsync("/learners?page=0"), HttpStatusCode.BadRequest, "validation-failed");
            await Problem.AssertAsync(await admin.GetAsync("/learners?pageSize=abc"), HttpStatusCode.BadRequest, "bad-request");
        });
    }

    [SkippableFact]
    public async Task Uploads_refuse_wrong_media_types_and_oversize_files()
    {
        var (seeded, admin) = await ArrangeAsync();
        var learner = seeded.School.LearnerA;
        await AssertUnchangedAsync(async () =>
        {
            await Problem.AssertAsync(await admin.PostAsync($"/learners/{learner}/evidence/files",
                Seeded.FileForm("tool.exe", "application/x-msdownload", [1, 2, 3])), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
            await Problem.AssertAsync(await admin.PostAsync($"/learners/{learner}/evidence/files",
                new StringContent("{}", Encoding.UTF8, "application/json")), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
            await Problem.AssertAsync(await admin.PostAsync($"/learners/{learner}/evidence/files",
                Seeded.FileForm("big.pdf", "application/pdf", new byte[(25 * 1024 * 1024) + 1])), HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
            await Problem.AssertAsync(await admin.PostAsync($"/learners/{learner}/evidence/files",
                Seeded.FileForm("huge.pdf", "application/pdf", new byte[26 * 1024 * 1024])), HttpStatusCode.RequestEntityTooLarge, "payload-too-large");

            using var text = new StringContent("not an image", Encoding.UTF8, "text/plain");
            await Problem.AssertAsync(await admin.PutAsync("/institution/logo", text), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
            using var bigLogo = new ByteArrayContent(new byte[(1024 * 1024) + 1]);
            bigLogo.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            await Problem.AssertAsync(await admin.PutAsync("/institution/logo", bigLogo), HttpStatusCode.RequestEntityTooLarge, "payload-too-large");

            await Problem.AssertAsync(await admin.PostAsync("/frameworks/import", new StringContent(Endpoints.CasePackage, Encoding.UTF8, "text/plain")),
                HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
            await Problem.AssertAsync(await admin.PostAsync("/frameworks/import", new StringContent("{\"CFDocument\": [", Encoding.UTF8, "application/json")),
                HttpStatusCode.BadRequest, "malformed-json");
            await Problem.AssertAsync(await admin.PostAsync("/frameworks/import", new ByteArrayContent(new byte[(20 * 1024 * 1024) + 1])
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
            }), HttpStatusCode.RequestEntityTooLarge, "payload-too-large");

            await Problem.AssertAsync(await admin.PostAsync("/learners/import", new StringContent("name,identifiers", Encoding.UTF8, "application/json")),
                HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
            await Problem.AssertAsync(await admin.PostAsync("/learners/import", new ByteArrayContent(new byte[(10 * 1024 * 1024) + 1])
            {
                Headers = { ContentType = new MediaTypeHeaderValue("text/csv") },
            }), HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        });
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidInPath();

    public sealed class OnSqlite(SqliteApp app) : BadInputTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : BadInputTests(app), IClassFixture<PostgresApp>;
}
