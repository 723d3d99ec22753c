// Bitstring Status List v1.0 (W3C Recommendation 2025), §2.1 BitstringStatusListEntry, §2.2 BitstringStatusListCredential,
// §3.1 Bitstring Generation, §3.2 Bitstring Expansion. Index 0 is the left-most (most significant) bit of byte 0;
// an entry of statusSize bits occupies bits [index × statusSize, (index + 1) × statusSize), most significant first.
// encodedList = multibase base64url ('u', no padding) of the GZIP-compressed bitstring; the bitstring has at least
// 131,072 bits (16 KB). Decompression streams and stops at Limits.MaxStatusListBytes, so a GZIP bomb costs nothing.
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Transcripts.Signing.Encoding;
using Transcripts.Signing.Verification.DataModel;

namespace Transcripts.Signing.StatusLists;

/// <summary>A Bitstring Status List: entries of <see cref="StatusSize"/> bits, encoded as GZIP + multibase base64url.</summary>
public sealed class BitstringStatusList
{
    /// <summary>The smallest bitstring the spec allows, in bits (16 KB), so a list does not reveal how few credentials use it.</summary>
    public const int MinimumBits = 131_072;
    private const int MaxStatusSize = 8;
    private readonly byte[] _bits;

    private BitstringStatusList(byte[] bits, int statusSize)
    {
        _bits = bits;
        StatusSize = statusSize;
    }

    /// <summary>Creates an all-zero list of <paramref name="length"/> entries of <paramref name="statusSize"/> bits.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The list would be shorter than <see cref="MinimumBits"/>, not whole bytes, or statusSize is not 1–8.</exception>
    public BitstringStatusList(int length = MinimumBits, int statusSize = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusSize, MaxStatusSize);
        var bits = (long)length * statusSize;
        if (bits < MinimumBits || bits % 8 != 0 || bits / 8 > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length,
                $"A status list needs at least {MinimumBits:N0} bits in whole bytes.");
        }
        _bits = new byte[bits / 8];
        StatusSize = statusSize;
    }

    /// <summary>Bits per entry (1 for revocation and suspension lists).</summary>
    public int StatusSize { get; }

    /// <summary>Number of entries.</summary>
    public int Length => _bits.Length * 8 / StatusSize;

    /// <summary>The status of entry <paramref name="index"/> (0 or 1 when <see cref="StatusSize"/> is 1).</summary>
    /// <exception cref="SigningException">The index is outside the list (<see cref="SigningError.StatusIndexOutOfRange"/>).</exception>
    public int Get(int index)
    {
        CheckIndex(index);
        var value = 0;
        for (var b = index * StatusSize; b < (index + 1) * StatusSize; b++)
        {
            value = (value << 1) | ((_bits[b >> 3] >> (7 - (b & 7))) & 1);
        }
        return value;
    }

    /// <summary>Whether entry <paramref name="index"/> is non-zero (revoked, suspended, …).</summary>
    /// <exception cref="SigningException">The index is outside the list.</exception>
    public bool IsSet(int index) => Get(index) != 0;

    /// <summary>Sets entry <paramref name="index"/> to <paramref name="value"/>.</summary>
    /// <exception cref="SigningException">The index is outside the list.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value does not fit in <see cref="StatusSize"/> bits.</exception>
    public void Set(int index, int value)
    {
        CheckIndex(index);
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value, 1 << StatusSize);
        for (var i = 0; i < StatusSize; i++)
        {
            var b = (index * StatusSize) + i;
            var mask = (byte)(1 << (7 - (b & 7)));
            var bit = (value >> (StatusSize - 1 - i)) & 1;
            _bits[b >> 3] = (byte)(bit == 1 ? _bits[b >> 3] | mask : _bits[b >> 3] & ~mask);
        }
    }

    /// <summary>Sets entry <paramref name="index"/> to 1 (or clears it to 0).</summary>
    /// <exception cref="SigningException">The index is outside the list.</exception>
    public void Set(int index, bool value) => Set(index, value ? 1 : 0);

    /// <summary>The <c>encodedList</c> value: multibase base64url of the GZIP-compressed bitstring (§3.1).</summary>
    public string Encode()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(_bits);
        }
        return Multibase.EncodeBase64Url(output.GetBuffer().AsSpan(0, (int)output.Length));
    }

    /// <summary>Expands an <c>encodedList</c> value (§3.2).</summary>
    /// <exception cref="SigningException">
    /// The value is not multibase base64url or not GZIP, is truncated, or shorter than 16 KB (<see cref="SigningError.InvalidStatusList"/>),
    /// or expands beyond <see cref="Limits.MaxStatusListBytes"/> (<see cref="SigningError.StatusListTooLarge"/>).
    /// </exception>
    public static BitstringStatusList Decode(string encodedList, int statusSize = 1, Limits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(encodedList);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusSize, MaxStatusSize);
        limits ??= Limits.Default;
        // base64 expands by 4/3; a compressed list larger than the decompressed cap is certainly not a status list.
        if (encodedList.Length > (limits.MaxStatusListBytes / 3 * 4) + 8)
        {
            throw new SigningException(SigningError.StatusListTooLarge,
                $"The encoded status list has {encodedList.Length:N0} characters, more than a list of {limits.MaxStatusListBytes:N0} bytes needs.");
        }
        byte[] compressed;
        try
        {
            compressed = Multibase.Decode(encodedList, Multibase.Base64UrlPrefix);
        }
        catch (SigningException e)
        {
            throw new SigningException(SigningError.InvalidStatusList, $"The status list is not multibase base64url: {e.Message}", e);
        }
        var bits = Decompress(compressed, limits.MaxStatusListBytes);
        if ((long)bits.Length * 8 < MinimumBits)
        {
            throw new SigningException(SigningError.InvalidStatusList,
                $"The status list has {bits.Length * 8L:N0} bits; the specification requires at least {MinimumBits:N0}.");
        }
        if (bits.Length * 8L % statusSize != 0)
        {
            throw new SigningException(SigningError.InvalidStatusList,
                $"The status list's {bits.Length * 8L:N0} bits are not a whole number of {statusSize}-bit entries.");
        }
        return new BitstringStatusList(bits, statusSize);
    }

    /// <summary>Expands like <see cref="Decode"/>; <see langword="false"/> where it would throw.</summary>
    public static bool TryDecode(string? encodedList, out BitstringStatusList? list, int statusSize = 1, Limits? limits = null)
    {
        try
        {
            list = encodedList is null ? null : Decode(encodedList, statusSize, limits);
        }
        catch (SigningException)
        {
            list = null;
        }
        return list is not null;
    }

    /// <summary>
    /// The unsigned <c>BitstringStatusListCredential</c> for this list (§2.2), ready to sign with <c>DataIntegrityProof.Sign</c>.
    /// </summary>
    /// <param name="id">The URL the credential is published at (the entries' <c>statusListCredential</c>).</param>
    /// <param name="issuer">The issuer's DID or URL.</param>
    /// <param name="statusPurpose"><c>revocation</c>, <c>suspension</c>, <c>refresh</c> or <c>message</c>.</param>
    /// <param name="validFrom">Start of validity.</param>
    /// <param name="validUntil">End of validity, if any (a verifier refreshes the list after it).</param>
    public JsonObject CreateCredential(string id, string issuer, string statusPurpose, DateTimeOffset validFrom, DateTimeOffset? validUntil = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        ArgumentException.ThrowIfNullOrEmpty(statusPurpose);
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["id"] = id,
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = issuer,
            ["validFrom"] = DateTimeStamp.Format(validFrom),
        };
        if (validUntil is { } until)
        {
            credential["validUntil"] = DateTimeStamp.Format(until);
        }
        credential["credentialSubject"] = new JsonObject
        {
            ["id"] = id + "#list",
            ["type"] = "BitstringStatusList",
            ["statusPurpose"] = statusPurpose,
            ["encodedList"] = Encode(),
        };
        return credential;
    }

    private void CheckIndex(int index)
    {
        if (index < 0 || index >= Length)
        {
            throw new SigningException(SigningError.StatusIndexOutOfRange,
                $"The status list index {index:N0} is outside the list of {Length:N0} entries.");
        }
    }

    private static byte[] Decompress(byte[] compressed, int maxBytes)
    {
        if (compressed.Length < 18 || compressed[0] != 0x1f || compressed[1] != 0x8b)
        {
            throw new SigningException(SigningError.InvalidStatusList, "The status list is not GZIP-compressed.");
        }
        using var input = new MemoryStream(compressed, writable: false);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    throw new SigningException(SigningError.StatusListTooLarge,
                        $"The status list expands to more than {maxBytes:N0} bytes, the most accepted.");
                }
                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            throw new SigningException(SigningError.InvalidStatusList, "The status list's GZIP data is corrupt.", e);
        }
        // A GZIP member ends with ISIZE, the uncompressed length mod 2^32; a truncated stream does not end with it.
        if (BinaryPrimitives.ReadUInt32LittleEndian(compressed.AsSpan(compressed.Length - 4)) != (uint)output.Length)
        {
            throw new SigningException(SigningError.InvalidStatusList, "The status list's GZIP data is truncated.");
        }
        return output.ToArray();
    }
}
