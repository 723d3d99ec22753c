using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Data.Configurations;

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Url).HasMaxLength(500);
        b.Property(x => x.Email).HasMaxLength(320);
        b.Property(x => x.Address).HasMaxLength(1000);
        b.Property(x => x.PublicBaseUrl).HasMaxLength(500);
        b.Property(x => x.LogoSha256).HasMaxLength(64);
        b.Property(x => x.LogoMediaType).HasMaxLength(100);
        b.Property(x => x.RowVersion).IsConcurrencyToken();
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Role).HasMaxLength(20);
        b.Property(x => x.Prefix).HasMaxLength(16);
        b.HasIndex(x => x.Hash).IsUnique();
        b.HasIndex(x => x.InstitutionId);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FrameworkConfiguration : IEntityTypeConfiguration<Framework>
{
    public void Configure(EntityTypeBuilder<Framework> b)
    {
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.CaseIdentifier).HasMaxLength(200);
        b.Property(x => x.Creator).HasMaxLength(500);
        b.Property(x => x.CaseVersion).HasMaxLength(100);
        b.Property(x => x.RowVersion).IsConcurrencyToken();
        b.HasIndex(x => new { x.InstitutionId, x.CaseIdentifier }).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ProficiencyScale>().WithMany().HasForeignKey(x => x.ScaleId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Competencies).WithOne().HasForeignKey(x => x.FrameworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CompetencyConfiguration : IEntityTypeConfiguration<Competency>
{
    public void Configure(EntityTypeBuilder<Competency> b)
    {
        b.Property(x => x.CaseIdentifier).HasMaxLength(200);
        b.Property(x => x.HumanCode).HasMaxLength(200);
        b.Property(x => x.AbbreviatedStatement).HasMaxLength(1000);
        b.Property(x => x.ItemType).HasMaxLength(200);
        b.Property(x => x.RowVersion).IsConcurrencyToken();
        b.HasIndex(x => new { x.FrameworkId, x.CaseIdentifier }).IsUnique();
        b.HasOne<Competency>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MasteryRuleConfiguration : IEntityTypeConfiguration<MasteryRule>
{
    public void Configure(EntityTypeBuilder<MasteryRule> b)
    {
        b.Property(x => x.Method).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.RowVersion).IsConcurrencyToken();
        b.HasIndex(x => x.FrameworkId).IsUnique();
        b.HasOne<Framework>().WithMany().HasForeignKey(x => x.FrameworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScaleConfiguration : IEntityTypeConfiguration<ProficiencyScale>
{
    public void Configure(EntityTypeBuilder<ProficiencyScale> b)
    {
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.CaseIdentifier).HasMaxLength(200);
        b.Property(x => x.RowVersion).IsConcurrencyToken();
        b.HasIndex(x => new { x.InstitutionId, x.CaseIdentifier }).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Levels).WithOne().HasForeignKey(x => x.ScaleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LevelConfiguration : IEntityTypeConfiguration<Level>
{
    public void Configure(EntityTypeBuilder<Level> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.CaseIdentifier).HasMaxLength(200);
        b.HasIndex(x => new { x.ScaleId, x.Ordinal }).IsUnique();
    }
}

internal sealed class LearnerConfiguration : IEntityTypeConfiguration<Learner>
{
    public void Configure(EntityTypeBuilder<Learner> b)
    {
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Email).HasMaxLength(320);
        b.Property(x => x.RowVersion).IsConcurrencyToken();
        b.HasIndex(x => new { x.InstitutionId, x.Name });
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Identifiers).WithOne().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LearnerIdentifierConfiguration : IEntityTypeConfiguration<LearnerIdentifier>
{
    public void Configure(EntityTypeBuilder<LearnerIdentifier> b)
    {
        b.Property(x => x.Scheme).HasMaxLength(100);
        b.Property(x => x.Value).HasMaxLength(200);
        b.HasIndex(x => new { x.InstitutionId, x.Scheme, x.Value }).IsUnique();
    }
}

internal sealed class LearnerGoalConfiguration : IEntityTypeConfiguration<LearnerGoal>
{
    public void Configure(EntityTypeBuilder<LearnerGoal> b)
    {
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.RowVersion).IsConcurrencyToken();
        b.HasIndex(x => x.LearnerId);
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Competency>().WithMany().HasForeignKey(x => x.CompetencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Url).HasMaxLength(2000);
        b.Property(x => x.FileSha256).HasMaxLength(64);
        b.Property(x => x.MediaType).HasMaxLength(200);
        b.Property(x => x.FileName).HasMaxLength(300);
        b.HasIndex(x => x.LearnerId);
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.Property(x => x.Feedback).HasMaxLength(4000);
        b.Property(x => x.RowVersion).IsConcurrencyToken();
        b.HasIndex(x => new { x.LearnerId, x.CompetencyId });
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Competency>().WithMany().HasForeignKey(x => x.CompetencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Level>().WithMany().HasForeignKey(x => x.LevelId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Evidence>().WithMany().HasForeignKey(x => x.EvidenceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AttainmentConfiguration : IEntityTypeConfiguration<Attainment>
{
    public void Configure(EntityTypeBuilder<Attainment> b)
    {
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Method).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Parameters).HasMaxLength(200);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.RowVersion).IsConcurrencyToken();
        b.HasIndex(x => new { x.LearnerId, x.CompetencyId }).IsUnique();
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Competency>().WithMany().HasForeignKey(x => x.CompetencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Level>().WithMany().HasForeignKey(x => x.LevelId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.HasIndex(x => x.Sequence).IsUnique();
        b.HasIndex(x => new { x.InstitutionId, x.Sequence });
        b.Property(x => x.Actor).HasMaxLength(100);
        b.Property(x => x.Action).HasMaxLength(20);
        b.Property(x => x.EntityType).HasMaxLength(100);
        b.Property(x => x.EntityId).HasMaxLength(100);
        b.Property(x => x.StateHash).HasMaxLength(64);
        b.Property(x => x.PreviousHash).HasMaxLength(64);
        b.Property(x => x.Hash).HasMaxLength(64);
    }
}

internal sealed class DisclosureConfiguration : IEntityTypeConfiguration<Disclosure>
{
    public void Configure(EntityTypeBuilder<Disclosure> b)
    {
        b.Property(x => x.Role).HasMaxLength(20);
        b.Property(x => x.Record).HasMaxLength(200);
        b.HasIndex(x => new { x.LearnerId, x.At });
    }
}

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> b)
    {
        b.Property(x => x.KeyType).HasMaxLength(20);
        b.Property(x => x.PublicKeyMultibase).HasMaxLength(100);
        b.Property(x => x.RevocationReason).HasMaxLength(500);
        b.Property(x => x.RowVersion).IsConcurrencyToken();
        b.Ignore(x => x.IsActive);
        b.HasIndex(x => x.InstitutionId);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IssuerSettingsConfiguration : IEntityTypeConfiguration<IssuerSettings>
{
    public void Configure(EntityTypeBuilder<IssuerSettings> b)
    {
        b.Property(x => x.Cryptosuite).HasMaxLength(40);
        b.Property(x => x.RowVersion).IsConcurrencyToken();
        b.HasIndex(x => x.InstitutionId).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CredentialConfiguration : IEntityTypeConfiguration<Credential>
{
    public void Configure(EntityTypeBuilder<Credential> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Coverage).HasMaxLength(64);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.RevocationReason).HasMaxLength(500);
        b.Property(x => x.SuspensionReason).HasMaxLength(500);
        b.Property(x => x.RowVersion).IsConcurrencyToken();
        b.HasIndex(x => new { x.InstitutionId, x.LearnerId });
        b.HasIndex(x => x.AttainmentId);
        b.HasIndex(x => new { x.RevocationListId, x.RevocationIndex }).IsUnique();
        b.HasIndex(x => new { x.SuspensionListId, x.SuspensionIndex }).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SigningKey>().WithMany().HasForeignKey(x => x.SigningKeyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StatusList>().WithMany().HasForeignKey(x => x.RevocationListId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StatusList>().WithMany().HasForeignKey(x => x.SuspensionListId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StatusListConfiguration : IEntityTypeConfiguration<StatusList>
{
    public void Configure(EntityTypeBuilder<StatusList> b)
    {
        b.Property(x => x.Purpose).HasMaxLength(20);
        b.Property(x => x.RowVersion).IsConcurrencyToken();
        b.HasIndex(x => new { x.InstitutionId, x.Purpose });
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ShareLinkConfiguration : IEntityTypeConfiguration<ShareLink>
{
    public void Configure(EntityTypeBuilder<ShareLink> b)
    {
        b.Property(x => x.CredentialIds).HasMaxLength(4000);
        b.Property(x => x.RowVersion).IsConcurrencyToken();
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => x.LearnerId);
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BatchConfiguration : IEntityTypeConfiguration<Batch>
{
    public void Configure(EntityTypeBuilder<Batch> b)
    {
        b.Property(x => x.RowVersion).IsConcurrencyToken();
        b.HasIndex(x => x.InstitutionId);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BatchItemConfiguration : IEntityTypeConfiguration<BatchItem>
{
    public void Configure(EntityTypeBuilder<BatchItem> b)
    {
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.RowVersion).IsConcurrencyToken();
        b.HasIndex(x => new { x.BatchId, x.LearnerId }).IsUnique();
        b.HasOne<Batch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
