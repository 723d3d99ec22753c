using System.Security.Cryptography;
using Transcripts.Api.Features.Verification;

namespace Transcripts.Api.Tests.Features.Verification;

public sealed class PageKeyTests
{
    [Fact]
    public void Uncompressed_restores_the_p256_point_for_either_parity_of_y()
    {
        for (var i = 0; i < 16; i++)
        {
            using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var q = ec.ExportParameters(false).Q;
            byte[] compressed = [(byte)((q.Y![^1] & 1) == 0 ? 2 : 3), .. q.X!];

            Assert.Equal([4, .. q.X!, .. q.Y!], PageKey.Uncompressed(compressed));
        }
    }
}
