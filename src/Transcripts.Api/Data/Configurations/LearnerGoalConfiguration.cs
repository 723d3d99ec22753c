using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Data.Configurations;

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
