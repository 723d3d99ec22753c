// libsodium (https://doc.libsodium.org), the Ed25519 engine that NSec wraps.
// The only [LibraryImport] file of Transcripts.Signing. Imported functions:
//   sodium_init                   — library initialisation (idempotent, thread-safe)
//   crypto_sign_seed_keypair      — Ed25519 key pair from a 32-byte seed (RFC 8032 §5.1.5)
//   crypto_sign_detached          — Ed25519 signature, 64 bytes (RFC 8032 §5.1.6)
//   crypto_sign_verify_detached   — Ed25519 verification (RFC 8032 §5.1.7)
// Random seeds come from the BCL's RandomNumberGenerator, so randombytes is not imported.
// The library is looked up as "libsodium.so.23" (the Debian package libsodium23), then "libsodium".
using System.Reflection;
using System.Runtime.InteropServices;

namespace Transcripts.Signing.Interop;

internal static partial class Libsodium
{
    private const string LibraryName = "libsodium";
    private static readonly Lock s_gate = new();
    private static volatile bool s_ready;
    private static IntPtr s_handle;

    /// <summary>Loads and initialises libsodium once.</summary>
    /// <exception cref="SigningException">The library could not be loaded or initialised.</exception>
    public static void EnsureInitialized()
    {
        if (s_ready)
        {
            return;
        }
        lock (s_gate)
        {
            if (s_ready)
            {
                return;
            }
            if (!NativeLibrary.TryLoad("libsodium.so.23", out s_handle)
                && !NativeLibrary.TryLoad(LibraryName, out s_handle))
            {
                throw new SigningException(SigningError.CryptoLibraryUnavailable,
                    "The native library libsodium could not be loaded; install the Debian package libsodium23.");
            }
            NativeLibrary.SetDllImportResolver(typeof(Libsodium).Assembly, Resolve);
            if (sodium_init() < 0)
            {
                throw new SigningException(SigningError.CryptoLibraryUnavailable,
                    "The native library libsodium failed to initialise; reinstall the Debian package libsodium23.");
            }
            s_ready = true;
        }
    }

    public static void SeedKeyPair(Span<byte> publicKey, Span<byte> secretKey, ReadOnlySpan<byte> seed)
    {
        EnsureInitialized();
        if (crypto_sign_seed_keypair(publicKey, secretKey, seed) != 0)
        {
            throw new SigningException(SigningError.InvalidKey, "libsodium could not derive an Ed25519 key pair from the seed.");
        }
    }

    public static void SignDetached(Span<byte> signature, ReadOnlySpan<byte> message, ReadOnlySpan<byte> secretKey)
    {
        EnsureInitialized();
        if (crypto_sign_detached(signature, out _, message, (ulong)message.Length, secretKey) != 0)
        {
            throw new SigningException(SigningError.InvalidKey, "libsodium could not sign with the Ed25519 key.");
        }
    }

    public static bool VerifyDetached(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey)
    {
        EnsureInitialized();
        return crypto_sign_verify_detached(signature, message, (ulong)message.Length, publicKey) == 0;
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == LibraryName ? s_handle : IntPtr.Zero;

    [LibraryImport(LibraryName)]
    private static partial int sodium_init();

    [LibraryImport(LibraryName)]
    private static partial int crypto_sign_seed_keypair(Span<byte> pk, Span<byte> sk, ReadOnlySpan<byte> seed);

    [LibraryImport(LibraryName)]
    private static partial int crypto_sign_detached(Span<byte> sig, out ulong siglen, ReadOnlySpan<byte> m, ulong mlen, ReadOnlySpan<byte> sk);

    [LibraryImport(LibraryName)]
    private static partial int crypto_sign_verify_detached(ReadOnlySpan<byte> sig, ReadOnlySpan<byte> m, ulong mlen, ReadOnlySpan<byte> pk);
}
