using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transcripts.Api.Cli;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Web.People;

namespace Transcripts.Api.Tests.Cli;

/// <summary>
/// <c>operator invite EMAIL</c>: prints a single-use link whose token is stored only as a hash, for an operator invitation of
/// no institution; a bad or taken address is a usage error and makes nothing.
/// </summary>
public sealed class OperatorCommandTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("transcripts-operator-invite-").FullName;

    private string[] Args(params string[] args) => [.. args, "--Storage:Provider", "Sqlite", "--Storage:DataDirectory", _dataDir];

    [Fact]
    public async Task Invite_prints_a_single_use_link_for_an_operator_of_no_institution_and_refuses_a_taken_or_bad_address()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await AdminCli.RunAsync(Args("operator", "invite", "ops@district.example", "--name", "Dana Ops"), stdout, stderr, Program.BuildApp);
        var again = await AdminCli.RunAsync(Args("operator", "invite", "ops@district.example"), TextWriter.Null, stderr, Program.BuildApp);
        var bad = await AdminCli.RunAsync(Args("operator", "invite", "not-an-address"), TextWriter.Null, stderr, Program.BuildApp);

        Assert.True(exit == ExitCodes.Done, stderr.ToString());
        Assert.Equal(ExitCodes.Usage, again);
        Assert.Equal(ExitCodes.Usage, bad);
        var link = stdout.ToString().Split('\n', StringSplitOptions.TrimEntries).Single(l => l.Contains("/app/invitation#", StringComparison.Ordinal));
        var token = link[(link.IndexOf('#', StringComparison.Ordinal) + 1)..];
        await using var app = Program.BuildApp(Args(), new Dictionary<string, string?>());
        await using var scope = app.Services.CreateAsyncScope();
        var invitation = await scope.ServiceProvider.GetRequiredService<TranscriptsDb>().Invitations.SingleAsync();
        Assert.Equal(Roles.Operator, invitation.Role);
        Assert.Null(invitation.InstitutionId);
        Assert.Equal("Dana Ops", invitation.DisplayName);
        Assert.Equal(Invitations.HashOf(token), invitation.TokenHash);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDir, recursive: true);
    }
}
