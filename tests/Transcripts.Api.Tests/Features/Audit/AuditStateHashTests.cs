using System.Security.Cryptography;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Tests.Features.Audit;

public sealed class AuditStateHashTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [SkippableFact]
    public async Task Streamed_state_hash_equals_the_hash_of_the_formatted_state()
    {
        var credential = new Credential
        {
            InstitutionId = Guid.NewGuid(), LearnerId = Guid.NewGuid(), Kind = CredentialKind.Transcript, Coverage = "c0ffee",
            SigningKeyId = Guid.NewGuid(), Bytes = RandomNumberGenerator.GetBytes(103_021), Sha256 = "ab", IssuedAt = app.Clock.GetUtcNow(),
            RevocationListId = Guid.NewGuid(), RevocationIndex = 4711, RevocationReason = "Ελένη — ünïcödé 🎓",
        };
        var learner = new Learner { InstitutionId = Guid.NewGuid(), Name = "Анна Кузнецова", CreatedAt = app.Clock.GetUtcNow() };

        var (credentialHashes, learnerHashes) = await app.WithDbAsync(db => Task.FromResult((
            (AuditChain.StateHashOf(db.Entry(credential)), AuditChain.StateHash(FormattedState(db.Entry(credential)))),
            (AuditChain.StateHashOf(db.Entry(learner)), AuditChain.StateHash(FormattedState(db.Entry(learner)))))));

        Assert.Equal(credentialHashes.Item2, credentialHashes.Item1);
        Assert.Equal(learnerHashes.Item2, learnerHashes.Item1);
    }

    // The state as the audit design states it, formatted whole: every column by name, ordered, joined with line feeds.
    private static string FormattedState(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        string.Join('\n', entry.Properties.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal)
            .Where(p => !AuditChain.IsOutsideState(entry.Metadata.ClrType.Name, p.Metadata.Name, p.CurrentValue))
            .Select(p => p.Metadata.Name + "=" + AuditChain.Format(p.CurrentValue)));
}
