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
        // The learner list's order within an institution, the id breaking ties between equal names so paging is stable; the
        // archived mark last, so a page, its count and a name search read this index in order and never the whole table
        // (before the name, it would make SQLite sort every learner: "NOT IsArchived" is no equality it can seek on).
        b.HasIndex(x => new { x.InstitutionId, x.Name, x.Id, x.IsArchived });
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Identifiers).WithOne().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
