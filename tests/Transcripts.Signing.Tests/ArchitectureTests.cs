using Transcripts.Signing;

namespace Transcripts.Signing.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void Signing_references_no_aspnet_or_ef_assembly()
    {
        var references = typeof(SigningException).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");

        Assert.DoesNotContain(references, name =>
            name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Spec_data_is_found_or_the_test_is_skipped()
    {
        var readme = Transcripts.Tests.SpecData.Path("README.md");

        Assert.True(File.Exists(readme), readme);
    }
}
