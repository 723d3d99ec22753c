namespace Transcripts.Api.Infrastructure;

/// <summary>An endpoint's body limit taken from options when the request arrives.</summary>
internal sealed record OptionsBodyLimit(Func<IServiceProvider, long> Resolve);

/// <summary>
/// A request body that ends in a 413 (<see cref="BadHttpRequestException"/>, answered by <see cref="ProblemExceptionHandler"/>)
/// as soon as more than <paramref name="limit"/> bytes are read: for bodies without a declared length on servers that do not
/// enforce <c>MaxRequestBodySize</c> themselves.
/// </summary>
internal sealed class LimitedReadStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Count(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

    private int Count(int read)
    {
        _read += read;
        return _read > limit
            ? throw new BadHttpRequestException($"The request body is larger than the {limit:N0} bytes allowed here.", StatusCodes.Status413PayloadTooLarge)
            : read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
