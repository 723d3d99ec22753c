namespace Transcripts.Api.Features.Learners;

/// <summary>
/// A read-only view of an upload that ends after <c>maxBytes</c>: past the limit it reads as ended and
/// <see cref="IsOverLimit"/> is set, so the caller answers 413 instead of reading on (a body sent without a length
/// is not caught by the Content-Length check).
/// </summary>
internal sealed class BoundedStream(Stream inner, long maxBytes) : Stream
{
    private long _read;

    public bool IsOverLimit { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (IsOverLimit)
        {
            return 0;
        }
        var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, maxBytes - _read + 1)]);
        return Count(read);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (IsOverLimit)
        {
            return 0;
        }
        var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, maxBytes - _read + 1)], cancellationToken);
        return Count(read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    // One byte past the limit is read on purpose: a file of exactly maxBytes is allowed, one byte more is not.
    private int Count(int read)
    {
        _read += read;
        if (_read > maxBytes)
        {
            IsOverLimit = true;
            return 0;
        }
        return read;
    }
}
