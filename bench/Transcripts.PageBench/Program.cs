using System.Globalization;
using System.Net;
using Transcripts.PageBench;

// Page times of the registrar's console on SQLite with 10,000 learners (issue 14's target: ≤ 50 ms p95 server time per page,
// ≤ 200 KB for a first page load). Starts the Release build with --demo on a fresh data folder (Kestrel on loopback), adds
// 10,000 learners by the CSV import and one learner with 30 awarded attainments through the API, signs the demo registrar in
// through the invitation page (a session cookie), then times each page sequentially after a warm-up.
//   dotnet build src/Transcripts.Api -c Release
//   dotnet run --project bench/Transcripts.PageBench -c Release -- [--requests N] [--warmup N] [--learners N] [--query-log FILE] [--api path/to/Transcripts.Api.dll]
var requests = Option("--requests", 300);
var warmup = Option("--warmup", 50);
var learners = Option("--learners", 10_000);
var queryLog = args.SkipWhile(a => a != "--query-log").Skip(1).FirstOrDefault();
var api = args.SkipWhile(a => a != "--api").Skip(1).FirstOrDefault() ?? ServiceProcess.DefaultApiPath();
if (!File.Exists(api))
{
    Console.Error.WriteLine($"The API is not built at {api}; run: dotnet build src/Transcripts.Api -c Release");
    return 2;
}

await using var service = await ServiceProcess.StartAsync(api, queryLog);
var seedTime = System.Diagnostics.Stopwatch.StartNew();
var seed = await Seed.CreateAsync(service.Address, service.RegistrarKey, learners);
Console.WriteLine($"Seeded {learners:N0} learners and one with {Seed.Competencies} attainments in {seedTime.Elapsed.TotalSeconds:F0} s.");

using var session = new PageSession(service.Address);
await session.AcceptInvitationAsync(service.RegistrarLink, "bench-registrar-password-1");
var token = PageSession.FormToken((await session.GetAsync("/app/registrar/learners")).Html);
Dictionary<string, string> Search(string name = "", string identifier = "", int page = 1) => new()
{
    ["Name"] = name, ["Identifier"] = identifier, ["PageNumber"] = page.ToString(CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = token,
};

// Each page with a piece of text its first answer must hold, so a page that found nothing is not timed as a fast one.
var everyone = (learners + 12).ToString("N0", CultureInfo.InvariantCulture).Replace(",", "", StringComparison.Ordinal);
(string Name, string Holds, Func<Task<PageSession.Answer>> Load)[] pages =
[
    ("dashboard `GET /app/registrar`", "<h1>", () => session.GetAsync("/app/registrar")),
    ("learner list, first page `GET /app/registrar/learners`", $"{everyone} learners found", () => session.GetAsync("/app/registrar/learners")),
    ("learner list, page 300 (POST)", $"{everyone} learners found", () => session.PostFormAsync("/app/registrar/learners", Search(page: 300))),
    ("learner list, search by name (POST)", "learners found", () => session.PostFormAsync("/app/registrar/learners", Search(name: seed.SearchName))),
    ("learner list, search by identifier (POST)", $"sis: {seed.SearchIdentifier}", () => session.PostFormAsync("/app/registrar/learners", Search(identifier: seed.SearchIdentifier))),
    ("learner's record, 30 attainments `GET /app/registrar/learners/{id}`", "/app/registrar/attainments/", () => session.GetAsync($"/app/registrar/learners/{seed.RecordLearner}")),
];

var rows = new List<string>();
foreach (var (name, holds, load) in pages)
{
    // First load: the page and every resource it references, as a browser with an empty cache would fetch them.
    var first = await load();
    if (first.Status != HttpStatusCode.OK)
    {
        throw new InvalidOperationException($"{name}: {(int)first.Status}");
    }
    if (!first.Html.Contains(holds, StringComparison.Ordinal))
    {
        throw new InvalidOperationException($"{name}: the page does not hold \"{holds}\".");
    }
    var attainmentLinks = first.Html.Split("/app/registrar/attainments/").Length - 1;
    if (name.StartsWith("learner's record", StringComparison.Ordinal) && attainmentLinks < Seed.Competencies)
    {
        throw new InvalidOperationException($"{name}: {attainmentLinks} attainments shown, not {Seed.Competencies}.");
    }
    var resources = PageSession.Resources(first.Html).ToList();
    long resourceBytes = 0;
    foreach (var resource in resources)
    {
        resourceBytes += (await session.GetAsync(resource)).Bytes;
    }
    for (var i = 0; i < warmup; i++)
    {
        await load();
    }
    var times = new List<double>(requests);
    for (var i = 0; i < requests; i++)
    {
        var answer = await load();
        if (answer.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{name}: {(int)answer.Status}");
        }
        times.Add(answer.Milliseconds);
    }
    times.Sort();
    double P(double q) => times[Math.Max(0, (int)Math.Ceiling(q * times.Count) - 1)];
    var row = $"| {name} | {requests} | {P(0.50):F1} | {P(0.95):F1} | {P(0.99):F1} | {times[^1]:F1} | {first.Bytes / 1024.0:F1} KB "
        + $"+ {resources.Count} resources {resourceBytes / 1024.0:F1} KB = {(first.Bytes + resourceBytes) / 1024.0:F1} KB |";
    rows.Add(row);
    Console.WriteLine(row);
}

Console.WriteLine();
Console.WriteLine($"{learners:N0} learners (+ the demo's), one sequential client, {warmup} warm-up then {requests} timed requests per page; "
    + "time from sending the request to the last byte of the answer on loopback.");
Console.WriteLine("| page | requests | p50 ms | p95 ms | p99 ms | max ms | first load (page + resources, headers included) |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
rows.ForEach(Console.WriteLine);
return 0;

int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
