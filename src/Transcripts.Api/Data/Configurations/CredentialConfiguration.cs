using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Data.Configurations;

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
