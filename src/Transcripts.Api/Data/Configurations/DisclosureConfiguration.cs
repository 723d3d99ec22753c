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
        b.Property(x => x.PreviousMac).HasMaxLength(64);
        b.Property(x => x.Mac).HasMaxLength(64);
        b.HasIndex(x => new { x.InstitutionId, x.ChainSequence }).IsUnique();
    }
}
