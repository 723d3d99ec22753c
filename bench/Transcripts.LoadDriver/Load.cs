using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Transcripts.LoadDriver;

internal sealed record Scenario(string Name, int Count, Func<int, HttpRequestMessage> Request)
{
    public static IEnumerable<Scenario> All(Seed seed, LoadOptions options)
    {
        HttpRequestMessage With(HttpRequestMessage request, string key)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            return request;
        }
        var n = seed.Learners.Length;
        yield return new Scenario("learner reads own record", options.Reads,
            i => With(new HttpRequestMessage(HttpMethod.Get, $"/learners/{seed.Learners[i % n]}/record"), seed.LearnerKeys[i % n]));
        yield return new Scenario("registrar reads a record (disclosure logged)", options.Reads,
            i => With(new HttpRequestMessage(HttpMethod.Get, $"/learners/{seed.Learners[i % n]}/record"), seed.RegistrarKey));
        yield return new Scenario("assessor posts an assessment", options.Writes,
            i => With(new HttpRequestMessage(HttpMethod.Post, "/assessments")
            {
                Content = JsonContent.Create(new
                {
                    learnerId = seed.Learners[i % n], competencyId = seed.Competencies[i % seed.Competencies.Length],
                    levelId = seed.Levels[i % seed.Levels.Length], feedback = "Load run",
                }),
            }, seed.AssessorKey));
    }
}

internal sealed record LoadResult(string Scenario, int Completed, int Errors, double Seconds, double P50, double P95, double P99)
{
    public double PerSecond => Completed / Seconds;

    public override string ToString() =>
        $"{Scenario,-46} {Completed,6} requests, {Errors} errors, {PerSecond,7:F0}/s, p50 {P50:F1} ms, p95 {P95:F1} ms, p99 {P99:F1} ms";
}

/// <summary>A fixed number of requests from a fixed number of workers, stopped early at the time limit.</summary>
internal static class Load
{
    /// <summary>Runs <paramref name="scenario"/>, request i going to instance i mod the number of <paramref name="clients"/>.</summary>
    public static async Task<LoadResult> RunAsync(IReadOnlyList<HttpClient> clients, Scenario scenario, LoadOptions options)
    {
        HttpClient For(int i) => clients[i % clients.Count];
        // Warm up connections, key caches and the JIT (tiered compilation settles after a few thousand calls); not measured.
        await Parallel.ForAsync(0, Math.Min(2_000, scenario.Count), new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency },
            async (i, cancellationToken) =>
            {
                using var warm = await For(i).SendAsync(scenario.Request(i), cancellationToken);
            });
        var latencies = new double[scenario.Count];
        var next = -1;
        var errors = 0;
        using var stop = new CancellationTokenSource(options.Limit);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            int i;
            while (!stop.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < scenario.Count)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await For(i).SendAsync(scenario.Request(i));
                await response.Content.LoadIntoBufferAsync();
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;
        var done = latencies.Where(l => l > 0).Order().ToArray();
        double Percentile(double p) => done.Length == 0 ? 0 : done[Math.Min(done.Length - 1, (int)Math.Ceiling(p * done.Length) - 1)];
        return new LoadResult(scenario.Name, done.Length, errors, elapsed, Percentile(0.50), Percentile(0.95), Percentile(0.99));
    }
}
