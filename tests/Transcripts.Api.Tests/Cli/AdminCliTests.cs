using Microsoft.AspNetCore.Builder;
using Transcripts.Api.Cli;

namespace Transcripts.Api.Tests.Cli;

/// <summary>The admin commands' command line, in process: every mistake is a sentence on stderr and <see cref="ExitCodes.Usage"/>.</summary>
public sealed class AdminCliTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("transcripts-cli-").FullName;

    [Theory]
    [InlineData("audit", true)]
    [InlineData("issue-batch", true)]
    [InlineData("demo", true)]
    [InlineData("--demo", false)]
    [InlineData("--urls", false)]
    public void Only_the_admin_verbs_are_taken_from_the_service(string first, bool handled) =>
        Assert.Equal(handled, AdminCli.Handles([first, "x"]));

    [Fact]
    public void No_arguments_start_the_service() => Assert.False(AdminCli.Handles([]));

    [Theory]
    [InlineData("Required command was not provided", "audit")]
    [InlineData("Unrecognized command or argument 'check'", "audit", "check")]
    [InlineData("Unrecognized argument '--bogus'", "audit", "verify", "--institution", "7b0c2f7e-8a51-4c64-9f7e-2d3a1c5b6e70", "--bogus")]
    [InlineData("Unrecognized argument 'stray'", "audit", "verify", "--institution", "7b0c2f7e-8a51-4c64-9f7e-2d3a1c5b6e70", "stray")]
    [InlineData("Option '--institution' is required", "audit", "verify")]
    [InlineData("'--Storage:DataDirectory' needs a value", "audit", "verify", "--institution", "7b0c2f7e-8a51-4c64-9f7e-2d3a1c5b6e70", "--Storage:DataDirectory")]
    [InlineData("Option '--institution' is required", "issue-batch")]
    [InlineData("Cannot parse argument 'school-1' for option '--institution'", "issue-batch", "--institution", "school-1")]
    [InlineData("Unrecognized argument '--learners'", "issue-batch", "--institution", "7b0c2f7e-8a51-4c64-9f7e-2d3a1c5b6e70", "--learners", "x")]
    [InlineData("Option '--out' is required", "demo")]
    public async Task A_wrong_command_line_exits_with_the_usage_code_and_says_what_is_wrong(string expected, params string[] args)
    {
        var stderr = new StringWriter();
        var stdout = new StringWriter();

        var exit = await AdminCli.RunAsync(args, stdout, stderr, NotBuilt);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(expected, stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("--help` for usage", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal("", stdout.ToString());
    }

    [Fact]
    public async Task Issue_batch_for_an_institution_not_in_the_database_exits_with_the_usage_code()
    {
        var stderr = new StringWriter();
        var institution = Guid.NewGuid();

        var exit = await AdminCli.RunAsync(["issue-batch", "--institution", institution.ToString(), "--Storage:Provider=Sqlite",
            "--Storage:DataDirectory", _dataDir, "--Logging:LogLevel:Default", "Warning"], TextWriter.Null, stderr, Program.BuildApp);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal($"No institution {institution} in this database.", stderr.ToString().Trim());
        Assert.True(File.Exists(Path.Combine(_dataDir, "transcripts.db")), "the configuration arguments reached the service's Storage settings");
    }

    [Fact]
    public async Task A_command_that_cannot_finish_says_why_and_exits_with_its_own_code()
    {
        var stderr = new StringWriter();

        var exit = await AdminCli.RunAsync(["audit", "verify", "--institution", Guid.NewGuid().ToString(), "--Storage:Provider=Postgres"], TextWriter.Null, stderr, NotBuilt);

        Assert.Equal(ExitCodes.CouldNotFinish, exit);
        Assert.Contains("could not finish: Storage:Provider is Postgres but Storage:ConnectionString is not set.", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_is_not_an_error()
    {
        var stdout = new StringWriter();

        var exit = await AdminCli.RunAsync(["issue-batch", "--help"], stdout, TextWriter.Null, NotBuilt);

        Assert.Equal(ExitCodes.Done, exit);
        Assert.Contains("--institution", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("--learner", stdout.ToString(), StringComparison.Ordinal);
    }

    private static WebApplication NotBuilt(string[] configuration, IReadOnlyDictionary<string, string?> overrides) =>
        throw new InvalidOperationException("This command line should not build the service.");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDir, recursive: true);
    }
}
