using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Data.Configurations;

internal sealed class CredentialPolicyConfiguration : IEntityTypeConfiguration<CredentialPolicy>
{
    public void Configure(EntityTypeBuilder<CredentialPolicy> b)
    {
        b.Property(x => x.LearnerIdentifier).HasMaxLength(20);
        b.Property(x => x.RowVersion).IsConcurrencyToken();
        b.HasIndex(x => x.InstitutionId).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}
