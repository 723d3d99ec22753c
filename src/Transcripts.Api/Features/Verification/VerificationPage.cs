using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Credentials;
using Transcripts.Api.Features.Transcripts;

namespace Transcripts.Api.Features.Verification;

/// <summary>
/// The HTML of the public page: server-rendered, one inline style sheet and one inline script (both allowed by a per-response
/// nonce), no external resources. Without the QR token it shows only the institution; with it, only what the signed transcript shows a reader of the paper: the issuer, the
/// learner's name, the issue date, the competencies and levels, and the status. Never the date of birth, identifiers or evidence.
/// </summary>
internal static class VerificationPage
{
    private static readonly HtmlEncoder s_html = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly string s_style = Resource("VerificationPage.css");
    private static readonly string s_script = Resource("VerificationPage.js");

    public static void SetSecurityHeaders(HttpResponse response, string nonce)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; img-src 'none'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.CacheControl = "no-store";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["X-Robots-Tag"] = "noindex";
    }

    /// <summary>
    /// The reason a reader is shown for a revocation: one of two fixed sentences, never the registrar's own words (which may
    /// name the learner, a disciplinary matter or a colleague). The registrar's text stays in the records.
    /// </summary>
    public static string PublicReason(Credential credential) =>
        credential.RevocationReason == CredentialIssuer.SupersededReason ? "replaced by a newer transcript" : "withdrawn by the school";

    /// <summary>
    /// What the page shows before it has the QR token: the institution and a place for the code, no personal data. Its script
    /// sends the token from the URL fragment (or typed in) in a header and shows the record only when the token is this transcript's.
    /// </summary>
    public static string RenderShell(string nonce, string institution) => Shell(nonce, "Transcript verification", $"""
        <header><p class="kicker">Transcript verification</p><h1>{E(institution)}</h1></header>
        <section class="box qr" data-state="pending" id="qr"><h2 id="qr-verdict">Checking the QR code…</h2><ul id="qr-checks"></ul>
        <noscript><p>This page needs JavaScript to check the QR code and show the transcript.</p></noscript></section>
        <form id="token-form" class="box"><label for="token">Code from the QR code on the paper</label>
        <input id="token" name="token" autocomplete="off" spellcheck="false"><button type="submit">Show the transcript</button></form>
        <div id="record"></div>
        <script nonce="{nonce}">{s_script}</script>
        """);

    /// <summary>The record the token opens: the sections of the page and the data its script checks the token against.</summary>
    public static (string Html, object Data) RenderRecord(Credential credential, TranscriptContent content, IReadOnlyList<PageKey> keys, DateTimeOffset now)
    {
        var issueDate = DateOnly.FromDateTime(credential.IssuedAt.UtcDateTime);
        var (state, headline, detail) = credential switch
        {
            { RevokedAt: { } at, RevocationReason: CredentialIssuer.SupersededReason } =>
                ("revoked", "Transcript revoked", $"Revoked on {at:yyyy-MM-dd}. Reason: {PublicReason(credential)}. This transcript is no longer valid; ask the learner for the current one."),
            { RevokedAt: { } at } => ("revoked", "Transcript revoked", $"Revoked on {at:yyyy-MM-dd}. Reason: {PublicReason(credential)}. This transcript is no longer valid."),
            { IsSuspended: true } => ("suspended", "Transcript suspended", "The institution has suspended this transcript. It is not valid while suspended."),
            _ => ("valid", "Transcript valid", $"The institution has not revoked or suspended this transcript (as of {now:yyyy-MM-dd HH:mm} UTC)."),
        };
        var data = new
        {
            credentialId = AchievementCredentialBuilder.Urn(credential.Id),
            sha256 = credential.Sha256,
            learnerName = content.LearnerName,
            issueDate = issueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            institution = content.IssuerName,
            keys,
        };
        var body = new StringBuilder();
        body.Append($"""
            <section class="box status" data-state="{state}" id="status"><h2 id="status-headline">{headline}</h2><p id="status-detail">{E(detail)}</p></section>
            <section class="facts"><dl>
            <dt>Learner</dt><dd id="learner">{E(content.LearnerName)}</dd>
            <dt>Issued</dt><dd id="issued">{issueDate:yyyy-MM-dd}</dd>
            <dt>Issued by</dt><dd>{E(content.IssuerName)}</dd>
            <dt>Transcript</dt><dd class="id">{credential.Id:D}</dd>
            </dl></section>
            <section class="competencies"><h2>Competencies ({content.Items.Count})</h2>
            """);
        foreach (var domain in content.Items.GroupBy(i => i.Domain))
        {
            body.Append($"<h3>{E(domain.Key.Length > 0 ? domain.Key : "Competencies")}</h3><ul>");
            foreach (var item in domain)
            {
                var code = item.Code.Length > 0 ? $"<span class=\"code\">{E(item.Code)}</span> " : "";
                body.Append($"<li>{code}<span class=\"statement\">{E(item.Statement)}</span><span class=\"level\">{E(item.LevelName)}</span></li>");
            }
            body.Append("</ul>");
        }
        body.Append("""
            </section>
            <footer><p>Compare this page with the paper: the name, the date and the competencies must be the same. This page shows only what the
            transcript itself states; it never shows a date of birth, student numbers or evidence. It is served by the institution's transcript
            service; the QR code check runs in your browser. Each opening of this record is listed for the learner.</p></footer>
            """);
        return (body.ToString(), data);
    }

    public static string RenderNotFound(string nonce) => Shell(nonce, "Transcript not found", """
        <header><p class="kicker">Transcript verification</p><h1>No transcript at this address</h1></header>
        <section class="box status" data-state="revoked"><h2>Not found</h2><p>This address does not lead to a transcript this service can show.
        Check that the whole QR code was scanned or the whole address typed, or ask the institution named on the paper.</p></section>
        """);

    /// <summary>The page of a transcript whose institution the service's operator suspended: no record, and why.</summary>
    public static string RenderSuspended(string nonce) => Shell(nonce, "Institution suspended", """
        <header><p class="kicker">Transcript verification</p><h1>This institution is suspended on this service</h1></header>
        <section class="box status" data-state="suspended"><h2>Not shown</h2><p>The institution that issued this transcript is
        suspended here, so its records are not shown. Its revocation lists are still published: an admissions office can still
        check the PDF or credential with the offline verifier.</p></section>
        """);

    /// <summary>A whole page around <paramref name="body"/>, with the page style sheet under the nonce (the shared-credentials page uses it too).</summary>
    public static string Shell(string nonce, string title, string body) => $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex"><title>{title}</title><style nonce="{nonce}">{s_style}</style></head>
        <body><main>{body}</main></body></html>
        """;

    public static string E(string text) => s_html.Encode(text);

    private static string Resource(string name)
    {
        using var stream = typeof(VerificationPage).Assembly.GetManifestResourceStream($"Transcripts.Api.Features.Verification.{name}")
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
