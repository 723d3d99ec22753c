using static Transcripts.Verifier.Tests.VerifierRun;

namespace Transcripts.Verifier.Tests;

public sealed class TamperingTests
{
    [Fact]
    public async Task Verify_exits_1_and_names_the_proof_when_a_field_of_the_credential_is_changed()
    {
        using var store = TempStore.Trusting();
        await AssertVerifiesUntamperedAsync(store, Files.Path("ob-achievement.json"));
        var credential = Files.Json("ob-achievement.json");
        credential["credentialSubject"]!["result"]![0]!["achievedLevel"] = "https://riverside.example.edu/competencies/C001-A/levels/4";
        var path = store.Write("changed.json", credential);

        var (run, report) = await VerifyJsonAsync(store, path);

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("failed", Status(report, "proof"));
        Assert.Contains("signature", Reason(report, "proof"));
    }

    [Fact]
    public async Task Verify_exits_1_and_names_the_embedded_credential_when_one_inside_a_clr_is_changed()
    {
        using var store = TempStore.Trusting();
        await AssertVerifiesUntamperedAsync(store, Files.Path("clr-transcript.json"));
        var clr = Files.Json("clr-transcript.json");
        clr["credentialSubject"]!["verifiableCredential"]![2]!["name"] = "C003-C Written and oral communication (honours)";
        var path = store.Write("changed-clr.json", clr);

        var (run, report) = await VerifyJsonAsync(store, path);

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("failed", Status(report, "proof"));
        Assert.Equal("failed", Status(report, "embedded credentials"));
        Assert.Contains("credential 3", Reason(report, "embedded credentials"));
    }

    [Fact]
    public async Task Verify_exits_1_when_the_pdf_attachment_was_replaced()
    {
        using var store = TempStore.Trusting();
        await AssertVerifiesUntamperedAsync(store, Files.Path("transcript.pdf"));

        var (run, report) = await VerifyJsonAsync(store, Files.Path("transcript-attachment-replaced.pdf"));

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("failed", Status(report, "PDF/QR agreement"));
        Assert.Contains("SHA-256 differs", Reason(report, "PDF/QR agreement"));
        Assert.Contains("Alex Example", Reason(report, "PDF/QR agreement"));
    }

    [Fact]
    public async Task Verify_exits_1_when_the_qr_token_in_the_pdf_was_edited()
    {
        using var store = TempStore.Trusting();
        await AssertVerifiesUntamperedAsync(store, Files.Path("transcript.pdf"));

        var (run, report) = await VerifyJsonAsync(store, Files.Path("transcript-qr-edited.pdf"));

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("failed", Status(report, "QR token"));
        Assert.Contains("from the PDF's metadata", Reason(report, "QR token"));
    }

    [Fact]
    public async Task Verify_names_the_failed_check_in_the_text_report_when_a_pdf_was_edited()
    {
        using var store = TempStore.Trusting();
        await AssertVerifiesUntamperedAsync(store, Files.Path("transcript.pdf"));

        var run = await RunAsync("verify", Files.Path("transcript-qr-edited.pdf"), "--trust-store", store.Folder);

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Contains("PDF transcript: INVALID", run.Out);
        Assert.Matches(@"\| QR token\s+\| failed\s+\| The QR token from the PDF's metadata", run.Out);
    }

    [Fact]
    public async Task Verify_cannot_tell_when_the_pdf_carries_no_qr_text_in_its_metadata()
    {
        using var store = TempStore.Trusting();
        // The unsigned copy: in the signed one, any edit fails the document signature first.
        await AssertVerifiesUntamperedAsync(store, Files.Path("transcript-unsigned.pdf"));
        var path = store.Write("no-qr.pdf", Renamed(Files.Bytes("transcript-unsigned.pdf"), "/TranscriptsQr", "/TranscriptsQx"));

        var (run, report) = await VerifyJsonAsync(store, path);

        Assert.Equal(ExitCodes.CannotTell, run.Exit);
        Assert.Equal("unknown", Status(report, "QR token"));
        Assert.Equal("passed", Status(report, "proof"));
    }

    [Fact]
    public async Task Verify_exits_2_when_the_credential_was_removed_from_the_pdf()
    {
        using var store = TempStore.Trusting();
        await AssertVerifiesUntamperedAsync(store, Files.Path("transcript.pdf"));
        var path = store.Write("no-attachment.pdf", Renamed(Files.Bytes("transcript.pdf"), "/EmbeddedFiles", "/EmbeddedFilez"));

        var run = await RunAsync("verify", path, "--trust-store", store.Folder);

        Assert.Equal(ExitCodes.Usage, run.Exit);
        Assert.Contains("no embedded credential", run.Err);
    }

    [Fact]
    public async Task Verify_cannot_tell_when_the_only_cached_status_list_has_expired()
    {
        using (var fresh = TempStore.Trusting())
        {
            await AssertVerifiesUntamperedAsync(fresh, Files.Path("ob-achievement.json"));
        }
        using var store = TempStore.Trusting(withStatusList: false);
        var expired = Signatures.EmptyListSignedBySchool(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero),
                                                         validUntil: new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero));
        store.Cache(expired, Now.AddDays(-40));

        var (run, report) = await VerifyJsonAsync(store, Files.Path("ob-achievement.json"));

        Assert.Equal(ExitCodes.CannotTell, run.Exit);
        Assert.Equal("unknown", Status(report, "status"));
        Assert.Contains("expired", Reason(report, "status"));
    }

    // A tamper test proves something only if the input it starts from verifies with the same trust store.
    private static async Task AssertVerifiesUntamperedAsync(TempStore store, string path, params string[] options)
    {
        var (run, report) = await VerifyJsonAsync(store, [path, .. options]);
        Assert.True(run.Exit == ExitCodes.Valid, $"The untampered {System.IO.Path.GetFileName(path)} does not verify: {report.ToJsonString()}");
    }

    // Same-length edits keep every cross-reference offset valid, so the PDF still opens.
    private static byte[] Renamed(byte[] pdf, string from, string to)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.Contains(from, text);
        return System.Text.Encoding.Latin1.GetBytes(text.Replace(from, to, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_exits_1_when_qr_text_was_edited()
    {
        using var store = TempStore.Trusting();
        await AssertVerifiesUntamperedAsync(store, Files.Path("transcript.qr.txt"));

        var (run, report) = await VerifyJsonAsync(store, Files.Path("transcript-edited.qr.txt"));

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("failed", Status(report, "QR token"));
    }

    [Fact]
    public async Task Verify_exits_1_when_a_credential_naming_a_trusted_school_is_signed_by_another_key()
    {
        using var store = TempStore.Trusting();
        await AssertVerifiesUntamperedAsync(store, Files.Path("ob-achievement.json"));

        var (run, report) = await VerifyJsonAsync(store, Files.Path("ob-signed-by-another-key.json"));

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("failed", Status(report, "issuer trusted"));
        Assert.Contains("another party's key", Reason(report, "issuer trusted"));
    }

    [Fact]
    public async Task Verify_exits_3_when_a_credential_is_resigned_by_an_untrusted_key_as_its_own_issuer()
    {
        using var store = TempStore.Trusting();
        await AssertVerifiesUntamperedAsync(store, Files.Path("ob-achievement.json"));
        var path = store.Write("resigned.json", Signatures.ResignedByStranger(Files.Json("ob-achievement.json"), asIssuer: true));

        var (run, report) = await VerifyJsonAsync(store, path);

        Assert.Equal(ExitCodes.CannotTell, run.Exit);
        Assert.Equal("unknown", Status(report, "issuer trusted"));
    }

    [Fact]
    public async Task Verify_cannot_tell_when_a_credential_uses_a_json_ld_context_the_verifier_does_not_have()
    {
        // Adding an unknown context makes the credential uncheckable rather than provably changed: it is never "valid".
        using var store = TempStore.Trusting();
        await AssertVerifiesUntamperedAsync(store, Files.Path("ob-achievement.json"));
        var credential = Files.Json("ob-achievement.json");
        credential["@context"]!.AsArray().Add("https://example.org/contexts/unknown-v1.jsonld");
        var path = store.Write("unknown-context.json", credential);

        var (run, report) = await VerifyJsonAsync(store, path);

        Assert.Equal(ExitCodes.CannotTell, run.Exit);
        Assert.Equal("unknown", Status(report, "proof"));
        Assert.Equal("unknown", Status(report, "issuer trusted"));
        Assert.Contains("cannot check it", Reason(report, "proof"));
    }

    [Fact]
    public async Task Verify_exits_1_when_the_cached_list_revokes_the_credential()
    {
        using (var school = TempStore.Trusting(withStatusList: false))
        {
            school.Cache(Signatures.EmptyListSignedBySchool(Now.AddDays(-1)), Now.AddHours(-1));
            await AssertVerifiesUntamperedAsync(school, Files.Path("ob-revoked.json"));
        }
        using var store = TempStore.Trusting();

        var (run, report) = await VerifyJsonAsync(store, Files.Path("ob-revoked.json"));

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("failed", Status(report, "status"));
        Assert.Contains("revoked", Reason(report, "status"));
    }

    [Fact]
    public async Task Verify_never_counts_a_cached_list_signed_by_someone_else_as_not_revoked()
    {
        using (var school = TempStore.Trusting(withStatusList: false))
        {
            // The same credential with an empty list that the school itself signed: nothing revoked, so it verifies.
            school.Cache(Signatures.EmptyListSignedBySchool(Now.AddDays(-1)), Now.AddHours(-1));
            await AssertVerifiesUntamperedAsync(school, Files.Path("ob-revoked.json"));
        }
        using var store = TempStore.Trusting(withStatusList: false);
        store.Cache(Signatures.EmptyListSignedByStranger(), Now.AddHours(-1));

        var (run, report) = await VerifyJsonAsync(store, Files.Path("ob-revoked.json"));

        Assert.Equal(ExitCodes.CannotTell, run.Exit);
        Assert.Equal("unknown", Status(report, "status"));
        Assert.Contains("could not be used", Reason(report, "status"));
    }

    [Fact]
    public async Task Verify_fails_the_proof_when_the_school_revoked_its_key_before_the_signature()
    {
        using (var trusting = TempStore.Trusting())
        {
            await AssertVerifiesUntamperedAsync(trusting, Files.Path("ob-achievement.json"), "--no-status");
        }
        using var store = new TempStore();
        var bundle = Files.Json("riverside.trust.json");
        // The fixture was signed on 2026-06-30; a key revoked (compromised) before then signed nothing valid after.
        bundle["didDocument"]!["verificationMethod"]![0]!["revoked"] = "2026-06-01T00:00:00Z";
        new TrustStore.TrustStore(store.Folder).Save(TrustStore.TrustedIssuer.FromFile(System.Text.Encoding.UTF8.GetBytes(bundle.ToJsonString())));

        var (run, report) = await VerifyJsonAsync(store, Files.Path("ob-achievement.json"), "--no-status");

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        // The signature itself is sound; the trust rule refuses the revoked key (no list of what it really signed).
        Assert.Equal("failed", Status(report, "issuer trusted"));
        Assert.Contains("revoked", Reason(report, "issuer trusted"));
    }
}
