using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Data.Configurations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.Property(x => x.Email).HasMaxLength(256);
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.Property(x => x.Role).HasMaxLength(20);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => x.InstitutionId);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Learner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
