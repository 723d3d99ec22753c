using System.Text.Json.Nodes;
using static Transcripts.Verifier.Tests.VerifierRun;

namespace Transcripts.Verifier.Tests;

public sealed class VerifyCommandTests
{
    [Fact]
    public async Task Verify_exits_0_for_an_open_badges_credential_and_shows_learner_and_level()
    {
        using var store = TempStore.Trusting();

        var (run, report) = await VerifyJsonAsync(store, Files.Path("ob-achievement.json"));

        Assert.Equal(ExitCodes.Valid, run.Exit);
        foreach (var check in new[] { "structure", "proof", "issuer trusted", "validity", "status" })
        {
            Assert.Equal("passed", Status(report, check));
        }
        var summary = report["inputs"]![0]!["summary"]!;
        Assert.Equal("Zoë Ødegård-Šimić", (string?)summary["learner"]);
        Assert.Equal("Riverside Community College", (string?)summary["issuerName"]);
        Assert.Equal("Beginning", (string?)summary["competencies"]![0]!["level"]);
        Assert.Contains("2 days ago", Reason(report, "status"));
    }

    [Fact]
    public async Task Verify_exits_0_for_a_clr_and_reports_each_embedded_credential()
    {
        using var store = TempStore.Trusting();

        var (run, report) = await VerifyJsonAsync(store, Files.Path("clr-transcript.json"));

        Assert.Equal(ExitCodes.Valid, run.Exit);
        Assert.Equal("passed", Status(report, "embedded credentials"));
        var parts = report["inputs"]![0]!["credentials"]!.AsArray();
        Assert.Equal(4, parts.Count);
        Assert.All(parts, p => Assert.Equal("valid", (string?)p!["verdict"]));
        Assert.Equal(4, report["inputs"]![0]!["summary"]!["competencies"]!.AsArray().Count);
    }

    [Fact]
    public async Task Verify_exits_0_for_a_pdf_transcript_and_says_the_token_came_from_metadata()
    {
        using var store = TempStore.Trusting();

        var (run, report) = await VerifyJsonAsync(store, Files.Path("transcript.pdf"));

        Assert.Equal(ExitCodes.Valid, run.Exit);
        Assert.Equal("passed", Status(report, "QR token"));
        Assert.Equal("passed", Status(report, "PDF/QR agreement"));
        Assert.Contains("from the PDF's metadata", Reason(report, "QR token"));
        Assert.Equal("from the PDF's metadata", (string?)report["inputs"]![0]!["qr"]!["readFrom"]);
    }

    [Fact]
    public async Task Verify_prints_a_table_of_checks_and_the_competencies_for_a_person()
    {
        using var store = TempStore.Trusting();

        var run = await RunAsync("verify", Files.Path("transcript.pdf"), "--trust-store", store.Folder);

        Assert.Equal(ExitCodes.Valid, run.Exit);
        Assert.Contains("PDF transcript: VALID", run.Out);
        Assert.Matches(@"\| PDF/QR agreement\s+\| passed", run.Out);
        Assert.Contains("Learner:", run.Out);
        Assert.Contains("C002-B Scientific inquiry", run.Out);
        Assert.Contains("Mastered", run.Out);
        Assert.DoesNotContain("\u001b[", run.Out);
    }

    [Fact]
    public async Task Verify_checks_qr_text_from_a_file_and_from_the_command_line_offline()
    {
        using var store = TempStore.Trusting();
        var text = File.ReadAllText(Files.Path("transcript.qr.txt")).Trim();

        var (fromFile, report) = await VerifyJsonAsync(store, Files.Path("transcript.qr.txt"));
        var (fromArgument, _) = await VerifyJsonAsync(store, text);

        Assert.Equal(ExitCodes.Valid, fromFile.Exit);
        Assert.Equal(ExitCodes.Valid, fromArgument.Exit);
        var qr = report["inputs"]![0]!["qr"]!;
        Assert.Equal("Zoë Ødegård-Šimić", (string?)qr["learner"]);
        Assert.Equal("2026-06-30", (string?)qr["issueDate"]);
        Assert.Equal("urn:uuid:0f5e7c1a-3d2b-4c8e-9a41-6b7d2e8f9c10", (string?)qr["credentialId"]);
    }

    [Fact]
    public async Task Verify_summarises_a_folder_in_one_table_and_exits_with_the_worst_verdict()
    {
        using var store = TempStore.Trusting();
        using var folder = new TempStore();
        foreach (var name in new[] { "ob-achievement.json", "clr-transcript.json", "transcript.pdf", "transcript.qr.txt" })
        {
            folder.Write(name, Files.Bytes(name));
        }

        var valid = await RunAsync("verify", folder.Folder, "--trust-store", store.Folder);
        folder.Write("ob-revoked.json", Files.Bytes("ob-revoked.json"));
        var withRevoked = await RunAsync("verify", folder.Folder, "--trust-store", store.Folder);

        Assert.Equal(ExitCodes.Valid, valid.Exit);
        Assert.Contains("4 files: 4 valid.", valid.Out);
        Assert.Equal(ExitCodes.Invalid, withRevoked.Exit);
        Assert.Contains("5 files: 4 valid, 1 invalid.", withRevoked.Out);
        Assert.Matches(@"\| ob-revoked\.json\s+\|", withRevoked.Out);
    }

    [Fact]
    public async Task Verify_exits_3_when_the_status_list_is_not_cached_and_0_with_no_status()
    {
        using var store = TempStore.Trusting(withStatusList: false);

        var (run, report) = await VerifyJsonAsync(store, Files.Path("ob-achievement.json"));
        var (skipped, _) = await VerifyJsonAsync(store, Files.Path("ob-achievement.json"), "--no-status");

        Assert.Equal(ExitCodes.CannotTell, run.Exit);
        Assert.Equal("unknown", Status(report, "status"));
        Assert.Contains("status refresh", Reason(report, "status"));
        Assert.Equal(ExitCodes.Valid, skipped.Exit);
    }

    [Fact]
    public async Task Verify_judges_validity_at_the_date_given_with_at()
    {
        using var store = TempStore.Trusting();

        var (before, report) = await VerifyJsonAsync(store, Files.Path("ob-achievement.json"), "--at", "2026-01-01");
        var bad = await RunAsync("verify", Files.Path("ob-achievement.json"), "--at", "soon", "--trust-store", store.Folder);

        Assert.Equal(ExitCodes.Invalid, before.Exit);
        Assert.Contains("not valid yet", Reason(report, "validity"));
        Assert.Equal(ExitCodes.Usage, bad.Exit);
        Assert.Contains("--at", bad.Err);
    }

    [Fact]
    public async Task Verify_uses_a_status_list_stapled_to_a_presentation_by_the_same_issuer()
    {
        using var store = TempStore.Trusting(withStatusList: false);
        var presentation = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JsonArray("VerifiablePresentation"),
            ["verifiableCredential"] = new JsonArray(Files.Json("ob-revoked.json"), Files.Json("status-list-1.json")),
        };
        var path = store.Write("presentation.json", presentation);

        var (run, report) = await VerifyJsonAsync(store, path);

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("passed", Status(report, "presentation"));
        Assert.Contains("1 status list stapled", Reason(report, "presentation"));
        var part = report["inputs"]![0]!["credentials"]![0]!;
        Assert.Equal("invalid", (string?)part["verdict"]);
        Assert.Contains("revoked", Reason(report, "credentials in the presentation"));
        Assert.Contains("stapled to the presentation", part["checks"]!.AsArray().Single(c => (string?)c!["name"] == "status")!["reason"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Verify_prefers_the_newer_of_the_cached_and_the_stapled_status_list(bool stapledIsNewer)
    {
        // The fixture list (1 July 2026) revokes the credential; an older copy (1 June) revokes nothing. Whichever
        // place holds the newer list, its verdict must win.
        using var store = TempStore.Trusting(withStatusList: false);
        var other = Signatures.EmptyListSignedBySchool(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        store.Cache(stapledIsNewer ? other : Files.Json("status-list-1.json"), Now.AddDays(-1));
        var presentation = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JsonArray("VerifiablePresentation"),
            ["verifiableCredential"] = new JsonArray(Files.Json("ob-revoked.json"), stapledIsNewer ? Files.Json("status-list-1.json") : other),
        };

        var (run, report) = await VerifyJsonAsync(store, store.Write("presentation.json", presentation));

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        var status = report["inputs"]![0]!["credentials"]![0]!["checks"]!.AsArray().Single(c => (string?)c!["name"] == "status")!;
        Assert.Equal("failed", (string?)status["status"]);
        Assert.Contains(stapledIsNewer ? "stapled to the presentation" : "the copy fetched from", (string?)status["reason"]);
    }

    [Fact]
    public async Task Verify_ignores_a_stapled_status_list_signed_by_someone_else()
    {
        using var store = TempStore.Trusting(withStatusList: false);
        var presentation = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JsonArray("VerifiablePresentation"),
            ["verifiableCredential"] = new JsonArray(Files.Json("ob-revoked.json"), Signatures.EmptyListSignedByStranger()),
        };
        var path = store.Write("presentation.json", presentation);

        var (run, report) = await VerifyJsonAsync(store, path);

        Assert.Equal(ExitCodes.CannotTell, run.Exit);
        Assert.Equal("unknown", Status(report, "credentials in the presentation"));
    }

    [Fact]
    public async Task Verify_reports_unknown_trust_for_a_did_key_issuer_that_is_not_in_the_store()
    {
        using var store = TempStore.Trusting();
        var path = store.Write("self-issued.json", Signatures.ResignedByStranger(Files.Json("ob-achievement.json"), asIssuer: true));

        var (run, report) = await VerifyJsonAsync(store, path);

        Assert.Equal(ExitCodes.CannotTell, run.Exit);
        Assert.Equal("passed", Status(report, "proof"));
        Assert.Equal("unknown", Status(report, "issuer trusted"));
        Assert.Contains("not in your trust store", Reason(report, "issuer trusted"));
    }
}
