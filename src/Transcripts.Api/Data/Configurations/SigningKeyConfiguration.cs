using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Data.Configurations;

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> b)
    {
        b.Property(x => x.KeyType).HasMaxLength(20);
        b.Property(x => x.PublicKeyMultibase).HasMaxLength(100);
        b.Property(x => x.DocumentPublicKeyMultibase).HasMaxLength(100);
        b.Property(x => x.RevocationReason).HasMaxLength(500);
        b.Property(x => x.RowVersion).IsConcurrencyToken();
        b.Ignore(x => x.IsActive);
        b.Ignore(x => x.HasPrivateKey);
        b.HasIndex(x => x.InstitutionId);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}
