namespace Transcripts.Api.Infrastructure;

/// <summary>
/// Whether a file's first bytes are what its declared media type says (the signatures of the PNG, JPEG, GIF, WebP, PDF,
/// MP3, MP4 and ZIP-based office formats; plain text has no NUL byte). A type with no signature known here never matches,
/// so a new allowed type needs a signature first. <see cref="HeadSize"/> bytes are enough for every signature.
/// </summary>
internal static class MagicBytes
{
    public const int HeadSize = 512;

    public static bool Matches(string mediaType, ReadOnlySpan<byte> head) => mediaType switch
    {
        "image/png" => head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        "image/jpeg" => head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        "image/gif" => head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8),
        "image/webp" => head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8),
        "application/pdf" => head.StartsWith("%PDF-"u8),
        "audio/mpeg" => head.StartsWith("ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0),
        "video/mp4" => head.Length >= 8 && head[4..8].SequenceEqual("ftyp"u8),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            or "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            or "application/vnd.oasis.opendocument.text" => head.StartsWith("PK\x03\x04"u8),
        "text/plain" => !head.Contains((byte)0),
        _ => false,
    };

    /// <summary>Reads the first bytes of <paramref name="content"/>; the returned stream gives them again, then the rest.</summary>
    public static async Task<(byte[] Head, Stream Content)> PeekAsync(Stream content, CancellationToken cancellationToken)
    {
        var buffer = new byte[HeadSize];
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await content.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }
        var head = buffer[..filled];
        return (head, new PrefixedStream(head, content));
    }

    private sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - _position);
                prefix.AsSpan(_position, n).CopyTo(buffer);
                _position += n;
                return n;
            }
            return rest.Read(buffer);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position < prefix.Length)
            {
                return Read(buffer.Span);
            }
            return await rest.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
