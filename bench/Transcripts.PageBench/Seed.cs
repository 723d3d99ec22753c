using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Transcripts.PageBench;

/// <summary>
/// The benchmark's institution, added to the demo's through the API with the demo registrar's key, so every row goes through
/// the features' own rules: a scale and a framework of 30 competencies; 10,000 learners from one CSV import (the import
/// feature); and one learner with each of the 30 awarded (the award feature).
/// </summary>
internal sealed record Seed(Guid RecordLearner, string SearchName, string SearchIdentifier)
{
    public const int Competencies = 30;

    public static async Task<Seed> CreateAsync(Uri address, string registrarKey, int learners)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", registrarKey);
        async Task<JsonElement> Send(HttpMethod method, string path, HttpContent? content)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode ? JsonDocument.Parse(text).RootElement.Clone()
                : throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        }
        Task<JsonElement> Post(string path, object body) => Send(HttpMethod.Post, path, JsonContent.Create(body));

        var scale = await Post("/scales", new
        {
            title = "Bench scale", masteryOrdinal = 3,
            levels = new[] { new { title = "Beginning", score = 1.0 }, new { title = "Developing", score = 2.0 }, new { title = "Proficient", score = 3.0 }, new { title = "Advanced", score = 4.0 } },
        });
        var levels = scale.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("id").GetGuid()).ToArray();
        var framework = (await Post("/frameworks", new { title = "Bench framework", scaleId = scale.GetProperty("id").GetGuid() })).GetProperty("id").GetGuid();
        var competencies = new List<Guid>();
        for (var i = 0; i < Competencies; i++)
        {
            competencies.Add((await Post($"/frameworks/{framework}/competencies",
                new { fullStatement = $"Explains and applies idea {i} in an unfamiliar situation, with evidence.", humanCode = $"B.{i}" })).GetProperty("id").GetGuid());
        }

        var csv = new StringBuilder("name,identifiers,email,dateOfBirth\n");
        string[] given = ["Amara", "Liam", "Sofía", "Jonas", "Zeynep", "Noah", "Chiara", "Aisha", "Mateusz", "Ελένη", "Анна", "Minh"];
        string[] family = ["Okafor", "O'Connor", "Hernández", "Müller", "Yılmaz", "Tremblay", "Esposito", "Rahman", "Wiśniewski", "Παπαδοπούλου", "Кузнецова", "Nguyễn"];
        for (var i = 0; i < learners; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{given[i % given.Length]} {family[i / given.Length % family.Length]} {i:D5},sis:PB-{i:D5},pb{i}@bench.example,2010-0{1 + (i % 9)}-1{i % 10}\n");
        }
        var imported = await Send(HttpMethod.Post, "/learners/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        if (imported.GetProperty("created").GetInt32() != learners)
        {
            throw new InvalidOperationException("The import did not create every learner: " + imported);
        }

        var found = await Send(HttpMethod.Get, "/learners?identifier=PB-00042", null);
        var learner = found.GetProperty("items")[0].GetProperty("id").GetGuid();
        foreach (var (competency, i) in competencies.Select((c, i) => (c, i)))
        {
            await Post($"/learners/{learner}/attainments", new { competencyId = competency, levelId = levels[i % levels.Length], reason = "Bench: awarded on evidence", version = (int?)null });
        }
        return new Seed(learner, "Hernández", "PB-09876");
    }
}
