using Transcripts.Verifier;

namespace Transcripts.Verifier.Tests;

public sealed class VerifierCliTests
{
    [Fact]
    public async Task Unknown_option_exits_with_usage_code()
    {
        var stderr = new StringWriter();

        var exit = await VerifierCli.RunAsync(["--no-such-option"], TextWriter.Null, stderr);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.NotEmpty(stderr.ToString());
    }
}
