using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.Transcripts.Pdf;
using Transcripts.Api.Infrastructure;
using Transcripts.Signing.Tokens;

namespace Transcripts.Api.Features.Transcripts;

/// <summary>A rendered transcript: the PDF and a file name a person recognises.</summary>
internal sealed record TranscriptPdf(Guid CredentialId, Guid LearnerId, string FileName, byte[] Content);

/// <summary>
/// Renders the printable transcript of an issued CLR credential. What the credential states (issuer, learner's name,
/// competencies, levels, evidence) is printed from its signed bytes; what it does not state (address, logo, the learner's
/// identifier and date of birth, the date each competency was attained) comes from the records. The QR token is signed
/// with the key that signed the credential while it is active, otherwise with the institution's active key. Reads only:
/// the caller records the disclosure. Used by the endpoints and by any batch (the demo) that needs PDFs.
/// </summary>
internal sealed class TranscriptPdfService(TranscriptsDb db, SigningKeyService keys, TranscriptTemplates templates, FileStore files,
    IOptions<TranscriptPdfOptions> options, IOptions<SigningOptions> signing, ILogger<TranscriptPdfService> logger)
{
    /// <param name="reprintRevoked">Print a revoked or suspended transcript anyway (a registrar's reprint for the record); the copy says so.</param>
    public async Task<(TranscriptPdf? Pdf, ProblemHttpResult? Problem)> RenderAsync(Guid institutionId, Guid credentialId,
        bool reprintRevoked, CancellationToken cancellationToken)
    {
        var credential = await db.Credentials.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == credentialId && c.InstitutionId == institutionId, cancellationToken);
        if (credential is null)
        {
            return (null, Problems.NotFound("credential", credentialId));
        }
        var content = credential is { Kind: CredentialKind.Transcript, LearnerId: not null } ? TranscriptContent.TryRead(credential.Bytes) : null;
        var problem = content is null ? Problems.NotATranscript(credentialId)
            : credential.RevokedAt is { } revokedAt && !reprintRevoked ? Problems.CredentialRevoked(credentialId, revokedAt, credential.RevocationReason)
            : credential.IsSuspended && !reprintRevoked ? Problems.CredentialSuspended(credentialId)
            : !keys.CanSign ? Problems.SigningUnavailable()
            : null;
        var found = problem is null ? await DidDocuments.IdentityAsync(db, institutionId, signing.Value, cancellationToken) : null;
        var key = found?.Keys.FirstOrDefault(k => k.Id == credential.SigningKeyId && k.IsActive)
            ?? found?.Keys.Where(k => k.IsActive).MaxBy(k => k.CreatedAt);
        problem ??= found is null ? Problems.IssuerIdentifierMissing() : key is null ? Problems.NoSigningKey() : null;
        if (problem is not null)
        {
            Log.PdfRefused(logger, credentialId, Problems.CodeOf(problem)!);
            return (null, problem);
        }
        try
        {
            var renderer = templates.RendererFor(options.Value.TemplateFor(institutionId));
            var document = await DocumentAsync(credential, content!, found!.Value.Identity, key!, renderer.Template.LearnerIdentifierScheme, cancellationToken);
            byte[] bytes;
            using (var signer = await DocumentSignerAsync(found.Value.Identity, key!, cancellationToken))
            {
                bytes = renderer.Render(document, signer);
            }
            Log.PdfRendered(logger, credentialId, bytes.Length, key!.Id);
            return (new TranscriptPdf(credentialId, credential.LearnerId!.Value, FileName(document), bytes), null);
        }
        catch (TranscriptTemplateException e)
        {
            Log.PdfRefused(logger, credentialId, "transcript-template-invalid");
            return (null, Problems.TemplateInvalid(e.Field, e.Message));
        }
        catch (MissingGlyphsException e)
        {
            Log.PdfRefused(logger, credentialId, "missing-glyphs");
            return (null, Problems.MissingGlyphs(e.MissingCharacters, e.Message));
        }
    }

    /// <summary>
    /// The document-signing key derived from <paramref name="key"/>, its certificate naming the institution. A key made
    /// before PDFs were signed has its document key published here, the first time it signs one.
    /// </summary>
    private async Task<DocumentSigner> DocumentSignerAsync(IssuerIdentity identity, SigningKey key, CancellationToken cancellationToken)
    {
        var documentKey = keys.OpenDocumentKey(key);
        if (key.DocumentPublicKeyMultibase is null)
        {
            var row = await db.SigningKeys.SingleAsync(k => k.Id == key.Id, cancellationToken);
            row.DocumentPublicKeyMultibase = DocumentSigningKey.PublicKeyMultibase(documentKey);
            await db.SaveChangesAsync(cancellationToken);
        }
        return new DocumentSigner(documentKey, identity.Institution.Name, identity.Did, key.CreatedAt);
    }

    private async Task<TranscriptDocument> DocumentAsync(Credential credential, TranscriptContent content, IssuerIdentity identity,
        SigningKey key, string? identifierScheme, CancellationToken cancellationToken)
    {
        var institution = identity.Institution;
        var learner = await db.Learners.AsNoTracking().Include(l => l.Identifiers)
            .SingleAsync(l => l.Id == credential.LearnerId, cancellationToken);
        var badgeIds = content.Items.Select(i => i.AchievementCredentialId).ToList();
        var attainmentOf = await db.Credentials.AsNoTracking().Where(c => badgeIds.Contains(c.Id) && c.AttainmentId != null)
            .ToDictionaryAsync(c => c.Id, c => c.AttainmentId!.Value, cancellationToken);
        var attainmentIds = attainmentOf.Values.ToList();
        var attainedAt = await db.Attainments.AsNoTracking().Where(a => attainmentIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.UpdatedAt, cancellationToken);
        var levelIds = content.Levels.Select(l => l.Id).ToList();
        var descriptions = await db.Levels.AsNoTracking().Where(l => levelIds.Contains(l.Id))
            .ToDictionaryAsync(l => l.Id, l => l.Description ?? "", cancellationToken);

        var learnerName = content.LearnerName.Length > 0 ? content.LearnerName : learner.Name;
        var issueDate = DateOnly.FromDateTime(credential.IssuedAt.UtcDateTime);
        var credentialUrn = "urn:uuid:" + credential.Id.ToString("D");
        string token;
        using (var pair = keys.Open(key))
        {
            token = TranscriptToken.Create(identity.VerificationMethod(key), credentialUrn, learnerName, issueDate,
                Convert.FromHexString(credential.Sha256), pair);
        }
        var qr = TranscriptQr.Compose(identity.PrintedBase, credentialUrn, token);
        var instructions = $"Scan the QR code with a phone to open {identity.PrintedBase.AbsoluteUri.TrimEnd('/')}/v/{credential.Id:D}, which shows "
            + $"whether {content.IssuerName} still stands by this transcript, or give this PDF file to the Transcripts verifier: it checks the "
            + "signed credential attached to this file against the institution's published key, offline.";
        if (credential.RevokedAt is { } revoked)
        {
            instructions = $"REPRINT OF A REVOKED TRANSCRIPT: revoked on {revoked:yyyy-MM-dd}; it is no longer valid. " + instructions;
        }
        else if (credential.IsSuspended)
        {
            instructions = "REPRINT OF A SUSPENDED TRANSCRIPT: it is not valid while suspended. " + instructions;
        }
        return new TranscriptDocument
        {
            Institution = new TranscriptInstitution
            {
                Name = content.IssuerName.Length > 0 ? content.IssuerName : institution.Name,
                AddressLines = (institution.Address ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Logo = await LogoAsync(institution, cancellationToken),
                PublicBaseUrl = identity.PrintedBase,
            },
            Learner = new TranscriptLearner
            {
                Name = learnerName,
                Identifier = identifierScheme is null ? null
                    : learner.Identifiers.FirstOrDefault(i => string.Equals(i.Scheme, identifierScheme, StringComparison.Ordinal))?.Value,
                DateOfBirth = learner.DateOfBirth,
            },
            TranscriptId = credential.Id.ToString("D"),
            IssueDate = issueDate,
            Domains = [.. content.Items.GroupBy(i => i.Domain).Select(g => new TranscriptDomain(g.Key.Length > 0 ? g.Key : "Competencies",
                [.. g.Select(i => new TranscriptCompetency
                {
                    Code = i.Code,
                    Statement = i.Statement,
                    Level = new AchievedLevel(i.LevelName, i.LevelRank),
                    DateAttained = attainmentOf.TryGetValue(i.AchievementCredentialId, out var a) && attainedAt.TryGetValue(a, out var at)
                        ? DateOnly.FromDateTime(at.UtcDateTime) : i.IssuedOn,
                    EvidenceTitle = i.EvidenceNames.Count > 0 ? string.Join("; ", i.EvidenceNames) : null,
                })]))],
            Scale = [.. content.Levels.Select(l => new ProficiencyLevel(l.Name, l.Rank, descriptions.GetValueOrDefault(l.Id, ""), l.IsMastery))],
            QrText = qr,
            Credential = new EmbeddedCredential(EmbeddedCredential.DefaultFileName, EmbeddedCredential.JsonLdMediaType, credential.Bytes),
            VerificationInstructions = instructions,
        };
    }

    private async Task<ReadOnlyMemory<byte>?> LogoAsync(Institution institution, CancellationToken cancellationToken)
    {
        if (institution.LogoSha256 is null || institution.LogoMediaType is not ("image/png" or "image/jpeg"))
        {
            return null;
        }
        await using var stream = files.Open(institution.LogoSha256);
        if (stream is null)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary><c>Transcript Анна Кузнецова 2026-09-01.pdf</c>: the learner's name kept, characters no file system accepts replaced.</summary>
    public static string FileName(TranscriptDocument document)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var name = new string([.. document.Learner.Name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '-' : c)]).Trim();
        return $"Transcript {(name.Length > 100 ? name[..100] : name)} {document.IssueDate:yyyy-MM-dd}.pdf";
    }
}
