using System.Text;
using Transcripts.Api.Features.Transcripts.Pdf;

namespace Transcripts.Api.Tests.Features.Transcripts;

/// <summary>Transcripts for tests and benchmarks: realistic names, statements and a credential to embed.</summary>
public static class SampleTranscripts
{
    public const string QrText =
        "https://transcripts.example.edu/v/urn:uuid:8f14e45f-ceea-467f-a0e6-3d1b8b2d9c51#eyJraWQiOiJrZXktMjAyNiIsImFsZyI6IkVkMjU1MTkifQ.uKfX2v9wQ3mZpE7Lb0sTnYc4hJ8rAqDkW1gVxN5oFiU";

    public static string TemplatePath(string name) => Path.Combine(RepositoryRoot(), "templates", name);

    // Not SpecData.RepositoryRoot: the benchmark project links this file without xunit.
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Transcripts.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Transcripts.sln was not found above " + AppContext.BaseDirectory);
    }

    internal static TranscriptTemplate DefaultTemplate() => TranscriptTemplateLoader.Load(TemplatePath("transcript.default.json"));

    internal static IReadOnlyList<ProficiencyLevel> Scale { get; } =
    [
        new("Beginning", 1, "Works on the competency with substantial guidance; understanding is emerging.", false),
        new("Developing", 2, "Demonstrates the competency in familiar situations with some support.", false),
        new("Proficient", 3, "Demonstrates the competency independently and consistently in varied situations.", false),
        new("Mastered", 4, "Applies the competency in new, complex situations and can teach it to others.", true),
    ];

    private static readonly string[] s_domains =
        ["Mathematical reasoning", "Scientific inquiry", "Written and oral communication", "Civic and ethical reasoning", "Creative practice"];

    private static readonly string[] s_verbs = ["Analyses", "Constructs", "Evaluates", "Communicates", "Models", "Designs", "Interprets", "Justifies"];

    /// <summary>A transcript with <paramref name="competencies"/> competencies spread over up to five domains.</summary>
    internal static TranscriptDocument Create(int competencies = 12, string learner = "Zoë Ødegård-Šimić",
        int statementWords = 18, int credentialBytes = 6_000, int domains = 4)
    {
        var list = Enumerable.Range(0, Math.Min(domains, s_domains.Length)).Select(d => new TranscriptDomain(s_domains[d],
            [.. Enumerable.Range(0, competencies).Where(i => i % Math.Min(domains, s_domains.Length) == d).Select(i => Competency(i, statementWords))])).ToList();
        return new TranscriptDocument
        {
            Institution = new TranscriptInstitution
            {
                Name = "Riverside Community College",
                AddressLines = ["1200 Harbour Road", "Riverside, OR 97000, United States"],
                PublicBaseUrl = new Uri("https://transcripts.example.edu"),
            },
            Learner = new TranscriptLearner { Name = learner, Identifier = "RCC-2026-004217", DateOfBirth = new DateOnly(2007, 3, 14) },
            TranscriptId = "TR-2026-000917",
            IssueDate = new DateOnly(2026, 6, 30),
            Domains = list,
            Scale = Scale,
            QrText = QrText,
            Credential = new EmbeddedCredential(EmbeddedCredential.DefaultFileName, EmbeddedCredential.JsonLdMediaType, Credential(credentialBytes)),
            VerificationInstructions = "Scan the QR code with a phone to open the verification page, or give this PDF file to the Transcripts "
                + "verifier: it checks the signed credential attached to this file against the institution's published key, offline.",
        };
    }

    /// <summary>The code of competency <paramref name="i"/>: every code is distinct and never a substring of another.</summary>
    public static string Code(int i) => $"C{i + 1:D3}-{(char)('A' + (i % 26))}";

    internal static TranscriptCompetency Competency(int i, int statementWords)
    {
        var words = new StringBuilder($"{s_verbs[i % s_verbs.Length]} ");
        for (var w = 0; w < statementWords; w++)
        {
            words.Append(Word(i, w)).Append(' ');
        }
        return new TranscriptCompetency
        {
            Code = Code(i),
            Statement = words.ToString().TrimEnd() + ".",
            Level = new AchievedLevel(Scale[((i / 5) + (i * 3)) % 4].Name, Scale[((i / 5) + (i * 3)) % 4].Rank),
            DateAttained = new DateOnly(2025, 9, 1).AddDays(i * 2),
            EvidenceReference = $"EV-{i + 1:D4}",
            EvidenceTitle = i % 3 == 0 ? "Portfolio piece reviewed by two assessors" : "Observed task",
        };
    }

    /// <summary>A distinct word per competency and position, so the test can find each statement's words.</summary>
    public static string Word(int i, int w) => $"{"quantitative evidence structured argument proportional systems measured outcomes".Split(' ')[w % 7]}{(w == 3 ? $"-k{i}" : "")}";

    public static byte[] Credential(int size)
    {
        var json = new StringBuilder("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\",\"ClrCredential\"],\"evidence\":[");
        var n = 0;
        while (json.Length < size - 40)
        {
            json.Append($"{{\"id\":\"urn:uuid:{new Guid(n, 0, 0, new byte[8])}\",\"narrative\":\"entry {n}\"}},");
            n++;
        }
        json.Append("{}],\"proof\":{\"type\":\"DataIntegrityProof\"}}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }
}
