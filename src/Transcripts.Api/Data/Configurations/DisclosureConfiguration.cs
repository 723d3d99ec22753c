using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Data.Configurations;

internal sealed class DisclosureConfiguration : IEntityTypeConfiguration<Disclosure>
{
    public void Configure(EntityTypeBuilder<Disclosure> b)
    {
        b.Property(x => x.Role).HasMaxLength(20);
        b.Property(x => x.Record).HasMaxLength(200);
        b.HasIndex(x => new { x.LearnerId, x.At });
    }
}
