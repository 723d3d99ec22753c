namespace Transcripts.Api.Data.Entities;

/// <summary>A Bitstring Status List of one purpose (revocation or suspension), re-signed whenever a bit changes.</summary>
internal sealed class StatusList : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    /// <summary><c>revocation</c> or <c>suspension</c>.</summary>
    public required string Purpose { get; set; }
    public int Length { get; set; }
    public int Allocated { get; set; }
    /// <summary>The bits as the <c>encodedList</c> (GZIP + multibase base64url).</summary>
    public required string EncodedList { get; set; }
    /// <summary>The signed BitstringStatusListCredential, exactly as published.</summary>
    public required byte[] Bytes { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int RowVersion { get; set; }
}
