using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Data.Configurations;

internal sealed class OperatorKeyConfiguration : IEntityTypeConfiguration<OperatorKey>
{
    public void Configure(EntityTypeBuilder<OperatorKey> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Prefix).HasMaxLength(16);
        b.HasIndex(x => x.Hash).IsUnique();
    }
}
