using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Transcripts.Api.Data;

/// <summary>
/// The 64-bit keys of the PostgreSQL advisory locks the service's instances coordinate with: the first eight bytes of
/// SHA-256 of <c>transcripts:</c> and the lock's name, so every instance (and every build) derives the same key and an
/// unrelated application sharing the server is unlikely to collide with it.
/// </summary>
internal static class ClusterLockKeys
{
    public static long For(string name) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("transcripts:" + name)));
}
