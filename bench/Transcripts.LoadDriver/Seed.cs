using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Transcripts.LoadDriver;

/// <summary>What the scenarios need, made through the API: a scale, a framework, learners with evidence and a key each.</summary>
internal sealed record Seed(string AssessorKey, string RegistrarKey, Guid[] Learners, string[] LearnerKeys, Guid[] Competencies, Guid[] Levels)
{
    public static async Task<Seed> CreateAsync(HttpClient client, string adminKey)
    {
        async Task<JsonElement> Post(string path, object body, string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode ? JsonDocument.Parse(text).RootElement.Clone()
                : throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
        }
        var registrar = (await Post("/keys", new { name = "load registrar", role = "registrar" }, adminKey)).GetProperty("secret").GetString()!;
        var assessor = (await Post("/keys", new { name = "load assessor", role = "assessor" }, adminKey)).GetProperty("secret").GetString()!;
        var scale = await Post("/scales", new
        {
            title = "Four levels", masteryOrdinal = 3,
            levels = new[] { new { title = "Beginning", score = 1.0 }, new { title = "Developing", score = 2.0 }, new { title = "Proficient", score = 3.0 }, new { title = "Advanced", score = 4.0 } },
        }, registrar);
        var framework = await Post("/frameworks", new { title = "Load framework", scaleId = scale.GetProperty("id").GetGuid() }, registrar);
        var competencies = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            competencies.Add((await Post($"/frameworks/{framework.GetProperty("id").GetGuid()}/competencies",
                new { fullStatement = $"Competency {i}", humanCode = $"L.{i}" }, registrar)).GetProperty("id").GetGuid());
        }
        var learners = new List<Guid>();
        var keys = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            var learner = (await Post("/learners", new { name = $"Learner {i}", identifiers = new[] { new { scheme = "sis", value = $"L-{i}" } } }, registrar))
                .GetProperty("id").GetGuid();
            learners.Add(learner);
            keys.Add((await Post("/keys", new { name = $"learner {i}", role = "learner", learnerId = learner }, adminKey)).GetProperty("secret").GetString()!);
            for (var c = 0; c < 3; c++)
            {
                await Post("/assessments", new { learnerId = learner, competencyId = competencies[c], levelId = scale.GetProperty("levels")[c + 1].GetProperty("id").GetGuid() }, assessor);
            }
        }
        return new Seed(assessor, registrar, [.. learners], [.. keys], [.. competencies],
            scale.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("id").GetGuid()).ToArray());
    }
}
