namespace Transcripts.Signing.Keys;

/// <summary>
/// A private key with its public key, able to sign. Holds secret memory: dispose it when done.
/// The concrete classes are <see cref="Ed25519KeyPair"/>, <see cref="P256KeyPair"/> and <see cref="P384KeyPair"/>.
/// <see cref="object.ToString"/> never reveals the secret.
/// </summary>
public abstract class KeyPair : IDisposable
{
    private protected KeyPair()
    {
    }

    /// <summary>The algorithm of this key pair.</summary>
    public KeyType Type => PublicKey.Type;

    /// <summary>The public half.</summary>
    public abstract PublicKey PublicKey { get; }

    /// <summary>Signs <paramref name="message"/> (Ed25519: 64 bytes; ECDSA: IEEE P1363 r‖s over the curve's hash).</summary>
    /// <exception cref="ObjectDisposedException">The key pair was disposed.</exception>
    public abstract byte[] Sign(ReadOnlySpan<byte> message);

    /// <summary>Names the key type and public key only.</summary>
    public override string ToString() => $"{Type} key pair for {PublicKey}";

    /// <summary>Zeroes the secret key.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Zeroes the secret key.</summary>
    protected abstract void Dispose(bool disposing);
}
