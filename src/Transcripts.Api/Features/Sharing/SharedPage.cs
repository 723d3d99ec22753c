using System.Text;
using System.Text.Json.Nodes;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Transcripts;
using Transcripts.Signing.Verification;
using static Transcripts.Api.Features.Verification.VerificationPage;

namespace Transcripts.Api.Features.Sharing;

/// <summary>
/// What a college sees when it opens a share link in a browser. The link is <c>/share#token</c>: the page itself
/// (<see cref="RenderShell"/>) holds no personal data; its script sends the fragment in the <c>X-Share-Token</c> header and
/// shows the report this service renders for the opened link (<see cref="RenderReport"/>): each credential's verdict by the
/// signing core's rules, the issuer as this service knows it, what the credential states, and a download of the
/// credentials exactly as issued, for the office's own offline verifier.
/// </summary>
internal static class SharedPage
{
    private static readonly string s_script = Resource("SharedPage.js");

    public static string RenderShell(string nonce) => Shell(nonce, "Shared credentials", $"""
        <header><p class="kicker">Shared credentials</p><h1>Credentials a learner shared with you</h1></header>
        <section class="box" data-state="pending" id="opening"><h2 id="opening-text">Opening the link…</h2>
        <noscript><p>This page needs JavaScript to open the link: the code after # in the address is never sent to the server in the address itself.
        A program can send it in the X-Share-Token header to GET /share.</p></noscript></section>
        <form id="token-form" class="box"><label for="token">Code from the link (the part after #)</label>
        <input id="token" name="token" autocomplete="off" spellcheck="false"><button type="submit">Open</button></form>
        <div id="report"></div>
        <script nonce="{nonce}">{s_script}</script>
        """);

    /// <summary>The report of an opened link: one box per credential, in the order the learner chose.</summary>
    public static string RenderReport(string institution, ShareLink link, IReadOnlyList<(Credential Credential, VerificationReport Report)> verified,
        DateTimeOffset now)
    {
        var body = new StringBuilder();
        body.Append($"""
            <section class="facts"><dl>
            <dt>Shared by</dt><dd>the learner, through {E(institution)}</dd>
            <dt>Link valid until</dt><dd>{link.ExpiresAt:yyyy-MM-dd HH:mm} UTC</dd>
            <dt>Opened</dt><dd>{link.OpenCount + 1} of {link.MaxOpens} times (the learner sees each opening)</dd>
            </dl></section>
            """);
        foreach (var (credential, report) in verified)
        {
            var (state, verdict) = report.Outcome switch
            {
                CheckStatus.Passed => ("valid", "Valid"),
                CheckStatus.Failed => ("revoked", "Not valid"),
                _ => ("unknown", "Cannot tell"),
            };
            var content = credential.Kind == CredentialKind.Transcript ? TranscriptContent.TryRead(credential.Bytes) : null;
            var title = content is not null ? $"Transcript: {content.Items.Count} competencies" : AchievementName(credential.Bytes) ?? "Credential";
            body.Append($"""
                <section class="box status" data-state="{state}"><h2>{E(verdict)}: {E(title)}</h2>
                <p>Issued by {E(institution)} (as this service knows it) on {credential.IssuedAt:yyyy-MM-dd}{(content is null ? "" : $" to {E(content.LearnerName)}")}.
                Checked {now:yyyy-MM-dd HH:mm} UTC.</p>
                """);
            var problems = report.Checks.Where(c => c.Status != CheckStatus.Passed).ToList();
            if (problems.Count > 0)
            {
                body.Append("<ul>");
                foreach (var check in problems)
                {
                    body.Append($"<li>{E(check.Name)}: {E(check.Reason)}</li>");
                }
                body.Append("</ul>");
            }
            body.Append("</section>");
            if (content is not null)
            {
                body.Append("<section class=\"competencies\"><ul>");
                foreach (var item in content.Items)
                {
                    var code = item.Code.Length > 0 ? $"<span class=\"code\">{E(item.Code)}</span> " : "";
                    body.Append($"<li>{code}<span class=\"statement\">{E(item.Statement)}</span><span class=\"level\">{E(item.LevelName)}</span></li>");
                }
                body.Append("</ul></section>");
            }
        }
        body.Append("""
            <footer><p>These verdicts are this service's. To check the credentials yourself, download them and run
            <code>transcripts-verify verify shared-credentials.json</code> with the school in your trust store.</p></footer>
            """);
        return body.ToString();
    }

    private static string? AchievementName(byte[] bytes) =>
        JsonNode.Parse(bytes)?["credentialSubject"]?["achievement"]?["name"] is JsonValue v && v.TryGetValue<string>(out var name) ? name : null;

    private static string Resource(string name)
    {
        using var stream = typeof(SharedPage).Assembly.GetManifestResourceStream($"Transcripts.Api.Features.Sharing.{name}")
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
