using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Data.Configurations;

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
