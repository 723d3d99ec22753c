using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Data.Configurations;

internal sealed class IssuerSettingsConfiguration : IEntityTypeConfiguration<IssuerSettings>
{
    public void Configure(EntityTypeBuilder<IssuerSettings> b)
    {
        b.Property(x => x.Cryptosuite).HasMaxLength(40);
        b.Property(x => x.RowVersion).IsConcurrencyToken();
        b.HasIndex(x => x.InstitutionId).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}
