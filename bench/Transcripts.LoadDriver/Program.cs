using Transcripts.LoadDriver;

// A bounded load run against the records service on loopback: SQLite, then PostgreSQL when
// TRANSCRIPTS_TEST_POSTGRES (a connection string without a database) is set, with one instance and then with two
// instances on one database, the requests alternating between them.
//   dotnet build src/Transcripts.Api -c Release
//   dotnet run --project bench/Transcripts.LoadDriver -c Release -- [--reads N] [--writes N] [--concurrency N] [--seconds N]
//     [--databases sqlite,postgres,postgres2] [--api path/to/Transcripts.Api.dll]
var options = LoadOptions.Parse(args);
var api = options.ApiPath ?? ApiProcess.DefaultApiPath();
if (!File.Exists(api))
{
    Console.Error.WriteLine($"The API is not built at {api}; run: dotnet build src/Transcripts.Api -c Release");
    return 2;
}

var results = new List<(string Database, LoadResult Result)>();
var runs = new[] { ("sqlite", "SQLite"), ("postgres", "PostgreSQL"), ("postgres2", "PostgreSQL ×2") };
foreach (var database in runs.Where(r => options.Databases.Contains(r.Item1)).Select(r => r.Item2))
{
    var postgres = Environment.GetEnvironmentVariable("TRANSCRIPTS_TEST_POSTGRES");
    if (database != "SQLite" && string.IsNullOrWhiteSpace(postgres))
    {
        Console.WriteLine($"{database}: skipped (TRANSCRIPTS_TEST_POSTGRES is not set).");
        continue;
    }
    await using var service = await ApiProcess.StartAsync(api, database == "SQLite" ? null : postgres);
    await using var second = database.EndsWith("×2", StringComparison.Ordinal)
        ? await ApiProcess.StartAsync(api, postgres, (service.Database!, service.AdminKey)) : null;
    HttpClient[] clients = second is null ? [service.Client] : [service.Client, second.Client];
    var seed = await Seed.CreateAsync(service.Client, service.AdminKey);
    foreach (var scenario in Scenario.All(seed, options))
    {
        var result = await Load.RunAsync(clients, scenario, options);
        results.Add((database, result));
        Console.WriteLine($"{database,-10} {result}");
    }
}

Console.WriteLine();
Console.WriteLine("| database | scenario | requests | errors | seconds | requests/s | p50 ms | p95 ms | p99 ms |");
Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var (database, r) in results)
{
    Console.WriteLine($"| {database} | {r.Scenario} | {r.Completed} | {r.Errors} | {r.Seconds:F1} | {r.PerSecond:F0} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} |");
}
return results.Any(r => r.Result.Errors > 0) ? 1 : 0;
