using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Data.Configurations;

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Url).HasMaxLength(500);
        b.Property(x => x.Email).HasMaxLength(320);
        b.Property(x => x.Address).HasMaxLength(1000);
        b.Property(x => x.PublicBaseUrl).HasMaxLength(500);
        b.Property(x => x.LogoSha256).HasMaxLength(64);
        b.Property(x => x.LogoMediaType).HasMaxLength(100);
        b.Property(x => x.SuspensionReason).HasMaxLength(500);
        b.Property(x => x.ReinstatementReason).HasMaxLength(500);
        b.Property(x => x.RowVersion).IsConcurrencyToken();
        // One institution per did:web: otherwise two schools' keys would both count for one issuer.
        b.HasIndex(x => x.PublicBaseUrl).IsUnique();
    }
}
