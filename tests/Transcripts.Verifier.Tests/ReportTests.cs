using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Transcripts.Verifier.Tests.VerifierRun;

namespace Transcripts.Verifier.Tests;

/// <summary>The report a person reads in ten seconds: the verdict in words first, then the checks; each shared reason once.</summary>
public sealed class ReportTests
{
    private const string Learner = "Zoë Ødegård-Šimić";

    [Fact]
    public async Task The_first_line_gives_the_verdict_in_words_with_the_trust_stores_name_for_the_issuer()
    {
        using var store = TempStore.Trusting();

        var run = await RunAsync("verify", Files.Path("transcript.pdf"), "--trust-store", store.Folder);

        Assert.Equal(ExitCodes.Valid, run.Exit);
        // The cached list was fetched two days before "now" (1 September 2026, 12:00 UTC).
        Assert.Equal($"VALID — issued by Riverside Community College, as your trust store knows it, to {Learner} on 30 June 2026; "
                     + "not revoked as of 30 August, 12:00 UTC.", VerdictLine(run.Out));
        Assert.Matches(@"\nPDF transcript: VALID, all \d+ checks passed:\n\+---", run.Out);
    }

    [Fact]
    public async Task The_issuer_is_named_as_the_trust_store_names_it_not_as_the_credential_claims()
    {
        using var store = new TempStore();
        var bundle = Files.Json("riverside.trust.json");
        bundle["profile"]!["name"] = "Riverside CC (checked by phone, 2026-08-01)";
        new TrustStore.TrustStore(store.Folder).Add(System.Text.Encoding.UTF8.GetBytes(bundle.ToJsonString()));

        var run = await RunAsync("verify", Files.Path("ob-achievement.json"), "--trust-store", store.Folder, "--no-status");
        var (_, report) = await VerifyJsonAsync(store, Files.Path("ob-achievement.json"), "--no-status");

        Assert.Equal(ExitCodes.Valid, run.Exit);
        Assert.Equal("VALID — issued by Riverside CC (checked by phone, 2026-08-01), as your trust store knows it (the credential calls it "
                     + $"\"Riverside Community College\"), to {Learner} on 30 June 2026; revocation not checked (--no-status).", VerdictLine(run.Out));
        var summary = report["inputs"]![0]!["summary"]!;
        Assert.Equal("Riverside Community College", (string?)summary["issuerName"]);
        Assert.Equal("Riverside CC (checked by phone, 2026-08-01)", (string?)summary["issuerTrustedName"]);
    }

    [Fact]
    public async Task An_invalid_credential_says_why_on_the_first_line()
    {
        using var store = TempStore.Trusting();

        var run = await RunAsync("verify", Files.Path("ob-revoked.json"), "--trust-store", store.Folder);

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.StartsWith("INVALID — status: The issuer has revoked this credential.", VerdictLine(run.Out));
    }

    [Fact]
    public async Task A_reason_shared_by_the_credentials_inside_a_transcript_is_said_once()
    {
        // No status list cached: the transcript and each of its 4 credentials cannot tell, for the same reason.
        using var store = TempStore.Trusting(withStatusList: false);

        var run = await RunAsync("verify", Files.Path("clr-transcript.json"), "--trust-store", store.Folder);

        Assert.Equal(ExitCodes.CannotTell, run.Exit);
        // Once in the verdict line and once in the transcript's status check; not again for each credential inside.
        Assert.Equal(2, Regex.Count(run.Out, "No copy of the status list"));
        Assert.Contains("Credentials inside (4): 4 cannot tell.", run.Out);
        Assert.Matches(@"\| 1 C001-A Mathematical reasoning, 2 C002-B .*\| cannot tell \| the same as the status check above", run.Out);
        Assert.Contains("Of the 4 credentials inside, 4 could not be fully checked: see the list below.", run.Out);
    }

    [Fact]
    public async Task Credentials_inside_with_different_problems_are_grouped_by_reason()
    {
        using var store = TempStore.Trusting();
        var clr = Files.Json("clr-transcript.json");
        clr["credentialSubject"]!["verifiableCredential"]![1]!["name"] = "edited";
        clr["credentialSubject"]!["verifiableCredential"]![3]!["name"] = "edited too";

        var run = await RunAsync("verify", store.Write("clr.json", clr), "--trust-store", store.Folder);

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Contains("Credentials inside (4): 2 valid, 2 invalid.", run.Out);
        Assert.Matches(@"\| 2 C002-B Scientific inquiry, 4 C004-D Civic and ethical reasoning\s+\| invalid\s+\| the same as the proof check above", run.Out);
        Assert.Matches(@"\| 1 C001-A Mathematical reasoning, 3 C003-C Written and oral communication\s+\| valid\s+\|", run.Out);
    }

    [Fact]
    public async Task Json_keeps_every_field_and_adds_the_sentence_and_status_time()
    {
        using var store = TempStore.Trusting();

        var (run, report) = await VerifyJsonAsync(store, Files.Path("transcript.pdf"));

        Assert.Equal(ExitCodes.Valid, run.Exit);
        Assert.Equal("valid", (string?)report["verdict"]);
        Assert.Equal(0, (int)report["exitCode"]!);
        var input = report["inputs"]![0]!;
        foreach (var field in new[] { "source", "kind", "verdict", "checks", "summary", "qr", "credentials" })
        {
            Assert.NotNull(input[field]);
        }
        Assert.StartsWith("VALID — issued by Riverside Community College", (string?)input["sentence"]);
        Assert.Equal("2026-08-30T12:00:00Z", (string?)input["statusAsOf"]);
        Assert.Equal(4, input["credentials"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_folder_report_gives_the_counts_first_and_a_reason_only_for_files_that_are_not_valid()
    {
        using var store = TempStore.Trusting();
        using var folder = new TempStore();
        folder.Write("a.json", Files.Bytes("ob-achievement.json"));
        folder.Write("b.json", Files.Bytes("ob-revoked.json"));

        var run = await RunAsync("verify", folder.Folder, "--trust-store", store.Folder);

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("2 files: 1 valid, 1 invalid.", Lines(run.Out)[1]);
        Assert.Matches(@"\| a\.json \| Open Badges 3\.0 credential \| valid\s+\|\s+\|", run.Out);
        Assert.Matches(@"\| b\.json \| Open Badges 3\.0 credential \| invalid \| status: The issuer has revoked this credential\.", run.Out);
    }

    [Fact]
    public async Task Text_from_a_credential_cannot_drive_the_readers_terminal_or_fake_a_line()
    {
        using var store = TempStore.Trusting();
        var credential = Files.Json("ob-achievement.json");
        credential["credentialSubject"]!["name"] = "Mallory\u001b[2J\u001b[32m\nVALID — issued by Riverside";

        var run = await RunAsync("verify", store.Write("forged.json", credential), "--trust-store", store.Folder);

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.DoesNotContain('\u001b', run.Out);
        Assert.DoesNotContain(Lines(run.Out), l => l.StartsWith("VALID", StringComparison.Ordinal));
        Assert.Contains("Mallory?[2J?[32m?VALID", run.Out);
    }

    private static string[] Lines(string text) => text.Split('\n');

    // The verdict sentence, wrapped to the report's width: every line after the heading up to the list of checks.
    private static string VerdictLine(string text) =>
        string.Join(" ", Lines(text).Skip(1).TakeWhile(l => !Regex.IsMatch(l, @"^[^—]+: [A-Z ]+, ")));
}
