using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Data.Configurations;

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
