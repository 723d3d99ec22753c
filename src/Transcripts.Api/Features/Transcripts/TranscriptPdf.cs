using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Transcripts.Pdf;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Tokens;

namespace Transcripts.Api.Features.Transcripts;

/// <summary>
/// Lays out an issued CLR transcript as a PDF: the competencies it embeds, grouped by domain; the stored credential
/// attached byte for byte as transcript.clr.json; and a QR code whose token the credential's own key signs over the key
/// id, credential id, learner name, issue date and SHA-256 of the stored bytes.
/// </summary>
internal static class TranscriptPdf
{
    public const string Instructions = "Scan the QR code with a phone to open the verification page, or give this PDF file to the Transcripts "
        + "verifier: it checks the signed credential attached to this file against the institution's published key, offline.";

    private static readonly Lazy<TranscriptPdfRenderer> s_renderer = new(() =>
        new TranscriptPdfRenderer(TranscriptTemplateLoader.Load(Path.Combine(AppContext.BaseDirectory, "templates", "transcript.default.json"))));

    public static async Task<byte[]> RenderAsync(TranscriptsDb db, Credential transcript, KeyPair signingKey, string verificationMethod, Uri publicBase,
        CancellationToken cancellationToken)
    {
        var institution = await db.Institutions.AsNoTracking().SingleAsync(i => i.Id == transcript.InstitutionId, cancellationToken);
        var learner = await db.Learners.AsNoTracking().Include(l => l.Identifiers).SingleAsync(l => l.Id == transcript.LearnerId, cancellationToken);
        var clr = JsonNode.Parse(transcript.Bytes)!;
        var badgeIds = clr["credentialSubject"]!["verifiableCredential"]!.AsArray()
            .Select(c => Guid.Parse(((string)c!["id"]!)["urn:uuid:".Length..])).ToList();
        var badges = await db.Credentials.AsNoTracking().Where(c => badgeIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var attainmentIds = badges.Select(b => b.AttainmentId!.Value).ToList();
        var attainments = await db.Attainments.AsNoTracking().Where(a => attainmentIds.Contains(a.Id)).ToListAsync(cancellationToken);
        var competencyIds = attainments.Select(a => a.CompetencyId).ToList();
        var competencies = await db.Competencies.AsNoTracking().Where(c => competencyIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var parentIds = competencies.Where(c => c.ParentId != null).Select(c => c.ParentId!.Value).Distinct().ToList();
        var parents = await db.Competencies.AsNoTracking().Where(c => parentIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var frameworkId = competencies.First().FrameworkId;
        var scaleId = await db.Frameworks.AsNoTracking().Where(f => f.Id == frameworkId).Select(f => f.ScaleId).SingleAsync(cancellationToken);
        var scale = await db.Scales.AsNoTracking().Include(s => s.Levels).SingleAsync(s => s.Id == scaleId, cancellationToken);
        var levels = scale.Levels.OrderBy(l => l.Ordinal).ToList();

        var domains = attainments
            .Select(a => (Attainment: a, Competency: competencies.Single(c => c.Id == a.CompetencyId)))
            .GroupBy(x => x.Competency.ParentId is { } p && parents.TryGetValue(p, out var parent) ? parent.FullStatement : "Competencies")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TranscriptDomain(g.Key, g.OrderBy(x => x.Competency.ListOrder).ThenBy(x => x.Competency.HumanCode, StringComparer.Ordinal)
                .Select(x =>
                {
                    var level = levels.Single(l => l.Id == x.Attainment.LevelId);
                    return new TranscriptCompetency
                    {
                        Code = x.Competency.HumanCode ?? "", Statement = x.Competency.FullStatement,
                        Level = new AchievedLevel(level.Title, level.Ordinal), DateAttained = DateOnly.FromDateTime(x.Attainment.UpdatedAt.UtcDateTime),
                    };
                }).ToList()))
            .ToList();
        var credentialId = "urn:uuid:" + transcript.Id.ToString("D");
        var issueDate = DateOnly.FromDateTime(transcript.IssuedAt.UtcDateTime);
        var token = TranscriptToken.Create(verificationMethod, credentialId, learner.Name, issueDate, SHA256.HashData(transcript.Bytes), signingKey);
        return s_renderer.Value.Render(new TranscriptDocument
        {
            Institution = new TranscriptInstitution
            {
                Name = institution.Name, AddressLines = institution.Address is { } address ? [address] : [], PublicBaseUrl = publicBase,
            },
            Learner = new TranscriptLearner
            {
                Name = learner.Name, DateOfBirth = learner.DateOfBirth,
                Identifier = learner.Identifiers.FirstOrDefault() is { } id ? $"{id.Scheme}:{id.Value}" : learner.Id.ToString("D"),
            },
            TranscriptId = credentialId,
            IssueDate = issueDate,
            Domains = domains,
            Scale = levels.Select(l => new ProficiencyLevel(l.Title, l.Ordinal, l.Description ?? "", l.Id == scale.MasteryLevelId)).ToList(),
            QrText = TranscriptQr.Compose(publicBase, credentialId, token),
            Credential = new EmbeddedCredential(EmbeddedCredential.DefaultFileName, EmbeddedCredential.JsonLdMediaType, transcript.Bytes),
            VerificationInstructions = Instructions,
        });
    }
}
