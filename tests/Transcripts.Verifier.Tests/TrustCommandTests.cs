namespace Transcripts.Verifier.Tests;

public sealed class TrustCommandTests
{
    [Fact]
    public async Task Trust_add_list_and_remove_manage_the_store()
    {
        using var store = new TempStore();

        var add = await VerifierRun.RunAsync("trust", "add", Files.Path("riverside.trust.json"), "--trust-store", store.Folder);
        var list = await VerifierRun.RunAsync("trust", "list", "--trust-store", store.Folder);
        var remove = await VerifierRun.RunAsync("trust", "remove", Files.Did, "--trust-store", store.Folder);
        var again = await VerifierRun.RunAsync("trust", "remove", Files.Did, "--trust-store", store.Folder);
        var empty = await VerifierRun.RunAsync("trust", "list", "--trust-store", store.Folder);

        Assert.Equal(ExitCodes.Valid, add.Exit);
        Assert.Contains("Trusted Riverside Community College (did:web:riverside.example.edu)", add.Out);
        Assert.Contains(Files.StatusListUrl, list.Out);
        Assert.Equal(ExitCodes.Valid, remove.Exit);
        Assert.Equal(ExitCodes.Usage, again.Exit);
        Assert.Contains("No institutions are trusted yet", empty.Out);
    }

    [Fact]
    public async Task Trust_add_refuses_a_file_that_is_not_a_bundle_or_did_document()
    {
        using var store = new TempStore();
        var path = store.Write("credential.json", Files.Bytes("status-list-1.json"));
        var junk = store.Write("junk.json", "{{{"u8.ToArray());

        var credential = await VerifierRun.RunAsync("trust", "add", path, "--trust-store", store.Folder);
        var broken = await VerifierRun.RunAsync("trust", "add", junk, "--trust-store", store.Folder);

        Assert.Equal(ExitCodes.Usage, credential.Exit);
        Assert.Contains("DID document", credential.Err);
        Assert.Equal(ExitCodes.Usage, broken.Exit);
        Assert.False(broken.HasStackTrace);
    }

    [Fact]
    public async Task Verify_after_trust_remove_no_longer_trusts_the_school()
    {
        using var store = TempStore.Trusting();
        await VerifierRun.RunAsync("trust", "remove", Files.Did, "--trust-store", store.Folder);

        var (run, report) = await VerifierRun.VerifyJsonAsync(store, Files.Path("ob-achievement.json"));

        Assert.Equal(ExitCodes.CannotTell, run.Exit);
        Assert.Equal("unknown", VerifierRun.Status(report, "proof"));
    }
}
