using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Data.Configurations;

internal sealed class LevelConfiguration : IEntityTypeConfiguration<Level>
{
    public void Configure(EntityTypeBuilder<Level> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.CaseIdentifier).HasMaxLength(200);
        b.HasIndex(x => new { x.ScaleId, x.Ordinal }).IsUnique();
    }
}
