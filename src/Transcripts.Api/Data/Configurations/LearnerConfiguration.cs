using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Data.Configurations;

internal sealed class LearnerConfiguration : IEntityTypeConfiguration<Learner>
{
    public void Configure(EntityTypeBuilder<Learner> b)
    {
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Email).HasMaxLength(320);
        b.Property(x => x.RowVersion).IsConcurrencyToken();
        // The learner list's order and its filters (institution, archived): a page, its count and a name search read this
        // index, not the table; the id breaks ties between equal names, so paging is stable.
        b.HasIndex(x => new { x.InstitutionId, x.IsArchived, x.Name, x.Id });
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Identifiers).WithOne().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
