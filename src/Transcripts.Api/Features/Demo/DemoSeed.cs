using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Assessments;
using Transcripts.Api.Features.Institutions;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Demo;

/// <summary>
/// <c>--demo</c> on an empty database: a demo institution with a small framework on a 4-level scale, a dozen learners
/// (names in several scripts), evidence, assessments and the attainments they give; then the demo keys and example
/// requests are printed once. Does nothing when the database already has an institution.
/// </summary>
internal static class DemoSeed
{
    /// <summary>The base URL when none is given (the <c>demo --out</c> command); the served demo uses its real address.</summary>
    public const string BaseUrl = "http://localhost:5000";

    /// <summary>The demo school's mail domain: its learners', staff's and portfolio addresses are all under it.</summary>
    public const string MailDomain = "riverside.example";

    private static readonly (string Code, string Title, (string Code, string Statement)[] Competencies)[] s_domains =
    [
        ("NUM", "Number and quantity",
        [
            ("NUM.1", "Reasons with ratios and proportional relationships to solve real-world problems."),
            ("NUM.2", "Uses estimation to judge whether a calculated answer is reasonable."),
            ("NUM.3", "Represents and compares rational numbers in several forms."),
        ]),
        ("DAT", "Data and evidence",
        [
            ("DAT.1", "Designs a fair investigation and collects data to answer a question."),
            ("DAT.2", "Summarises data with suitable graphs and statistics."),
            ("DAT.3", "Draws conclusions that the data support, and states their limits."),
        ]),
        ("COM", "Communication",
        [
            ("COM.1", "Writes a clear argument supported by evidence."),
            ("COM.2", "Presents ideas orally to an audience, adapting to their questions."),
            ("COM.3", "Gives and uses feedback to improve a piece of work."),
            ("COM.4", "Reads critically, identifying claims, evidence and bias."),
        ]),
    ];

    private static readonly string[] s_learners =
    [
        "Nguyễn Thị Minh Khai", "Ελένη Παπαδοπούλου", "Анна Кузнецова", "Amara Okafor", "Liam O'Connor", "Sofía Hernández",
        "Mateusz Wiśniewski", "Aisha Rahman", "Jonas Müller", "Zeynep Yılmaz", "Noah Tremblay", "Chiara Esposito",
    ];

    public static async Task RunAsync(TranscriptsDb db, FileStore files, TimeProvider clock, TextWriter console, string baseUrl, CancellationToken cancellationToken)
    {
        if (await db.Institutions.AnyAsync(cancellationToken))
        {
            await console.WriteLineAsync("--demo: the database already has data, so the demo seed was not added again and its keys are not shown again. Delete the data folder to start over.");
            return;
        }
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var (school, _, adminSecret) = NewInstitution.Add(db, new Institution
        {
            Name = "Riverside Community School (demo)", Url = $"https://{MailDomain}", Email = $"registrar@{MailDomain}",
            Address = "1 River Road, Springfield", PublicBaseUrl = baseUrl + "/",
        }, "demo admin", clock);

        var scale = new ProficiencyScale { InstitutionId = school.Id, Title = "Four-level proficiency scale" };
        string[] levelTitles = ["Beginning", "Developing", "Proficient", "Advanced"];
        scale.Levels.AddRange(levelTitles.Select((t, i) => new Level { ScaleId = scale.Id, Ordinal = i + 1, Title = t, Score = i + 1 }));
        scale.MasteryLevelId = scale.Levels[2].Id;
        db.Scales.Add(scale);

        var framework = new Framework
        {
            InstitutionId = school.Id, Title = "Demo: Mathematics, Data and Communication", Creator = "Riverside Community School",
            ScaleId = scale.Id, UpdatedAt = now,
        };
        db.Frameworks.Add(framework);
        db.MasteryRules.Add(new MasteryRule { FrameworkId = framework.Id, Method = MasteryMethod.DecayingAverage, DecayWeight = 0.65 });
        var competencies = new List<Competency>();
        var order = 0;
        foreach (var (code, title, items) in s_domains)
        {
            var domain = new Competency { FrameworkId = framework.Id, HumanCode = code, FullStatement = title, ItemType = "Domain", ListOrder = order++ };
            framework.Competencies.Add(domain);
            foreach (var (itemCode, statement) in items)
            {
                var competency = new Competency
                {
                    FrameworkId = framework.Id, ParentId = domain.Id, HumanCode = itemCode, FullStatement = statement,
                    ItemType = "Competency", ListOrder = order++,
                };
                framework.Competencies.Add(competency);
                competencies.Add(competency);
            }
        }

        var learners = s_learners.Select((name, i) => new Learner
        {
            InstitutionId = school.Id, Name = name, Email = $"learner{i + 1}@{MailDomain}", CreatedAt = now,
            DateOfBirth = new DateOnly(2010 + (i % 3), 1 + (i % 12), 1 + (i * 2 % 28)),
        }).ToList();
        foreach (var (learner, i) in learners.Select((l, i) => (l, i)))
        {
            learner.Identifiers.Add(new LearnerIdentifier
            {
                LearnerId = learner.Id, InstitutionId = school.Id, Scheme = "sis", Value = $"RCS-{1001 + i}",
            });
        }
        db.Learners.AddRange(learners);

        var keys = new List<(string Role, string Secret, string Who)> { (Roles.Admin, adminSecret, "") };
        foreach (var (role, name, learnerId) in new[]
        {
            (Roles.Registrar, "demo registrar", (Guid?)null),
            (Roles.Assessor, "demo teacher", null), (Roles.Learner, "demo learner", learners[0].Id),
        })
        {
            var (secret, key) = ApiKeyAuthentication.NewKey(school.Id, role, name, learnerId, now);
            db.ApiKeys.Add(key);
            keys.Add((role, secret, learnerId is null ? "" : " (for learner 1)"));
        }
        await db.SaveChangesAsync(cancellationToken);

        // Evidence and assessments: each learner has worked on the first competencies of the list, more for earlier learners.
        var teacherKeyId = (await db.ApiKeys.SingleAsync(k => k.Name == "demo teacher", cancellationToken)).Id;
        for (var i = 0; i < learners.Count; i++)
        {
            var learner = learners[i];
            var worked = competencies.Take(competencies.Count - (i % 5)).ToList();
            for (var c = 0; c < worked.Count; c++)
            {
                var evidence = new Data.Entities.Evidence
                {
                    InstitutionId = school.Id, LearnerId = learner.Id, CreatedByKeyId = teacherKeyId, CreatedAt = now,
                    Kind = c % 3 == 0 ? EvidenceKind.Link : EvidenceKind.Narrative,
                    Title = $"{worked[c].HumanCode} task",
                    Url = c % 3 == 0 ? $"https://portfolio.{MailDomain}/{i + 1}/{worked[c].HumanCode}" : null,
                    Narrative = c % 3 == 0 ? null : $"Observed work on {worked[c].HumanCode}: the learner explained each step and revised after feedback.",
                };
                db.Evidence.Add(evidence);
                // Attempts climb to a final level that cycles through all four, so every transcript shows each level, from
                // competencies still in progress (Beginning, Developing) to those mastered.
                var attempts = 1 + ((i + c) % 3);
                var final = (i + c) % 4;
                for (var attempt = 0; attempt < attempts; attempt++)
                {
                    var level = scale.Levels[Math.Max(0, final - (attempts - 1 - attempt))];
                    db.Assessments.Add(new Assessment
                    {
                        InstitutionId = school.Id, LearnerId = learner.Id, CompetencyId = worked[c].Id, LevelId = level.Id,
                        EvidenceId = evidence.Id, AssessorKeyId = teacherKeyId, Feedback = $"Level {level.Title} on attempt {attempt + 1}.",
                        AssessedOn = today.AddDays(-60 + (attempt * 20) + c), CreatedAt = now,
                    });
                }
            }
            foreach (var competency in worked)
            {
                await AttainmentCalculator.RecomputeAsync(db, school.Id, learner.Id, competency.Id, now, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
        }

        var admin = keys[0].Secret;
        var learnerKey = keys[3].Secret;
        await console.WriteLineAsync($"""

            Demo institution "{school.Name}" created with {competencies.Count} competencies and {learners.Count} learners.
            Demo API keys (shown only now):
            {string.Join(Environment.NewLine, keys.Select(k => $"  {k.Role,-9} {k.Secret}{k.Who}"))}

            Try:
              curl -s -H "Authorization: Bearer {admin}" {baseUrl}/institution
              curl -s -H "Authorization: Bearer {admin}" "{baseUrl}/learners?pageSize=5"
              curl -s -H "Authorization: Bearer {learnerKey}" {baseUrl}/learners/{learners[0].Id}/record
              curl -s -H "Authorization: Bearer {learnerKey}" "{baseUrl}/learners/{learners[0].Id}/progress?frameworkId={framework.Id}"
              curl -s -H "Authorization: Bearer {learnerKey}" {baseUrl}/learners/{learners[0].Id}/disclosures
              curl -s -H "Authorization: Bearer {admin}" {baseUrl}/audit/verify
            OpenAPI: {baseUrl}/openapi/v1.json

            """);
    }
}
