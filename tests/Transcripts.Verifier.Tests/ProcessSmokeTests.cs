using System.Diagnostics;

namespace Transcripts.Verifier.Tests;

/// <summary>Starts the built tool (<c>dotnet transcripts-verify.dll …</c>) to check real exit codes and streams.</summary>
public sealed class ProcessSmokeTests
{
    [Fact]
    public async Task Process_exits_0_for_a_valid_pdf_and_1_for_an_edited_one()
    {
        using var store = TempStore.Trusting();

        var valid = await RunProcessAsync("verify", Files.Path("transcript.pdf"), "--trust-store", store.Folder, "--no-status");
        var edited = await RunProcessAsync("verify", Files.Path("transcript-qr-edited.pdf"), "--trust-store", store.Folder, "--no-status");

        Assert.Equal(ExitCodes.Valid, valid.Exit);
        Assert.Contains("PDF transcript: VALID", valid.Out);
        Assert.Equal(ExitCodes.Invalid, edited.Exit);
    }

    [Fact]
    public async Task Process_exits_2_for_unreadable_input_and_for_bad_usage()
    {
        using var folder = new TempStore();
        var junk = folder.Write("junk.pdf", [.. "%PDF-1.7\n"u8, 0, 1, 2, 3]);

        var unreadable = await RunProcessAsync("verify", junk, "--trust-store", folder.Folder);
        var usage = await RunProcessAsync("verify");

        Assert.Equal(ExitCodes.Usage, unreadable.Exit);
        Assert.Contains("could not be read", unreadable.Err);
        Assert.DoesNotContain("   at ", unreadable.Err);
        Assert.Equal(ExitCodes.Usage, usage.Exit);
    }

    [Fact]
    public async Task Process_exits_3_without_a_trust_store_entry_and_prints_help_with_0()
    {
        using var folder = new TempStore();

        var unknown = await RunProcessAsync("verify", Files.Path("ob-achievement.json"), "--trust-store", folder.Folder);
        var help = await RunProcessAsync("--help");

        Assert.Equal(ExitCodes.CannotTell, unknown.Exit);
        Assert.Equal(ExitCodes.Valid, help.Exit);
        Assert.Contains("verify", help.Out);
    }

    private static async Task<VerifierRun> RunProcessAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "transcripts-verify.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new VerifierRun(process.ExitCode, await stdout, await stderr);
    }
}
