namespace Transcripts.Api.Data.Entities;

/// <summary>How an institution issues: its cryptosuite and whether it identifies itself by did:key instead of did:web.</summary>
internal sealed class IssuerSettings : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public string Cryptosuite { get; set; } = "eddsa-rdfc-2022";
    public bool UsesDidKey { get; set; }
    public int RowVersion { get; set; }
}
