using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Data.Configurations;

internal sealed class LearnerIdentifierConfiguration : IEntityTypeConfiguration<LearnerIdentifier>
{
    public void Configure(EntityTypeBuilder<LearnerIdentifier> b)
    {
        b.Property(x => x.Scheme).HasMaxLength(100);
        b.Property(x => x.Value).HasMaxLength(200);
        b.HasIndex(x => new { x.InstitutionId, x.Scheme, x.Value }).IsUnique();
        // A search by identifier gives the value without its scheme.
        b.HasIndex(x => new { x.InstitutionId, x.Value });
    }
}
