using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.Pdf.Signatures;

namespace Transcripts.Api.Features.Transcripts.Pdf;

/// <summary>
/// Renders a <see cref="TranscriptDocument"/> as a PDF/A-style printable transcript laid out by a
/// <see cref="TranscriptTemplate"/>: at-a-glance chart, school and learner, competencies by domain, level key,
/// verification; a vector QR code on page 1, "page N of M" footers, and the signed credential attached.
/// One renderer per template; it is safe to share between threads.
/// </summary>
internal sealed class TranscriptPdfRenderer
{
    /// <summary>The document-information key that carries the QR text, so a verifier need not decode the image.</summary>
    public const string QrInfoKey = "/TranscriptsQr";
    public const string Creator = "Transcripts";

    private static readonly Lazy<bool> s_licensed = new(() =>
    {
        // The project is AGPL-3.0, which PDFsharp 6.5 accepts as its licence.
        PdfSharpLicense.SetAgplLicense();
        return true;
    });

    private readonly TranscriptTemplate _template;
    private readonly FontSet _fonts;
    private readonly TextPainter _painter;

    /// <exception cref="TranscriptTemplateException">A font named by the template cannot be read.</exception>
    /// <summary>The template this renderer prints with.</summary>
    public TranscriptTemplate Template => _template;

    public TranscriptPdfRenderer(TranscriptTemplate template)
    {
        _ = s_licensed.Value;
        _template = template;
        _fonts = new FontSet(template.Fonts);
        _painter = new TextPainter(_fonts);
    }

    /// <param name="signer">The institution's document-signing key; null writes an unsigned PDF (tests, previews).</param>
    /// <exception cref="MissingGlyphsException">Some text has characters that no configured font can draw.</exception>
    public byte[] Render(TranscriptDocument document, DocumentSigner? signer = null)
    {
        using var output = new MemoryStream();
        Render(document, output, signer);
        return output.ToArray();
    }

    /// <summary>
    /// Writes the PDF; with <paramref name="signer"/>, signed as a document (PAdES B-B, see <see cref="PadesSigner"/>) once
    /// the pages, the attachment and the metadata are final, so that any later change to any byte shows.
    /// </summary>
    /// <exception cref="MissingGlyphsException">Some text has characters that no configured font can draw; nothing is written.</exception>
    public void Render(TranscriptDocument document, Stream output, DocumentSigner? signer = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        _fonts.EnsureCoverage(PrintedText(document));

        // Pass 1 lays the pages out on a measuring context only to count them; pass 2 draws, footers included.
        int pageCount;
        using (var dryRun = new PdfDocument())
        {
            pageCount = Layout(dryRun, document, pageCount: null);
        }

        using var pdf = new PdfDocument();
        pdf.SetPdfA();
        pdf.Options.CompressContentStreams = false;
        Describe(pdf, document);
        Layout(pdf, document, pageCount);

        using (var credential = new MemoryStream(document.Credential.Content.ToArray(), writable: false))
        {
            pdf.AddEmbeddedFile(document.Credential.FileName, credential);
        }
        EmbeddedFileMetadata.Describe(pdf, document.Credential);
        ContentStreams.Compress(pdf);
        using var buffer = new MemoryStream();
        if (signer is not null)
        {
            DigitalSignatureHandler.ForDocument(pdf, new PadesSigner(signer, buffer), new DigitalSignatureOptions
            {
                AppName = Creator, Reason = "Issued by " + signer.InstitutionName, Location = document.Institution.PublicBaseUrl.Host,
                AppearanceHandler = InvisibleSignature.Instance,
            });
        }
        pdf.Save(buffer, closeStream: false);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (signer is null)
        {
            PdfAIdentification.DeclarePart3(bytes);   // the signer makes this edit itself, before it hashes
        }
        output.Write(bytes);
    }

    private int Layout(PdfDocument pdf, TranscriptDocument document, int? pageCount)
    {
        using var flow = new PageFlow(pdf, _template, TranscriptSections.FooterHeight, isDrawing: pageCount is not null);
        var context = new RenderContext(_template, document, flow, _painter);
        if (pageCount is { } pages)
        {
            flow.PageFinishing = (g, page) =>
            {
                if (page == 1)
                {
                    TranscriptSections.QrCode(context, g);
                }
                TranscriptSections.Footer(context, g, page, pages);
            };
        }
        flow.Start();
        foreach (var section in _template.Sections)
        {
            Draw(context, section);
        }
        flow.Dispose();
        return pdf.PageCount;
    }

    private static void Draw(RenderContext context, TranscriptSection section)
    {
        switch (section)
        {
            case TranscriptSection.Header: TranscriptSections.Header(context); break;
            case TranscriptSection.Learner: TranscriptSections.Learner(context); break;
            case TranscriptSection.AtAGlance: GlanceChart.Draw(context); break;
            case TranscriptSection.Competencies: CompetencyTable.Draw(context); break;
            case TranscriptSection.LevelKey: TranscriptSections.LevelKey(context); break;
            case TranscriptSection.Verification: TranscriptSections.Verification(context); break;
            default: throw new ArgumentOutOfRangeException(nameof(section), section, "Unknown section.");
        }
    }

    private void Describe(PdfDocument pdf, TranscriptDocument document)
    {
        pdf.Info.Title = $"{_template.Labels.Title} — {document.Learner.Name}";
        pdf.Info.Author = document.Institution.Name;
        pdf.Info.Subject = $"{_template.Labels.Title} {document.TranscriptId}";
        pdf.Info.Creator = Creator;
        pdf.Info.Elements.SetString(QrInfoKey, document.QrText);
    }

    /// <summary>Every string the PDF will print, for the glyph check before anything is drawn.</summary>
    private IEnumerable<string> PrintedText(TranscriptDocument d)
    {
        var l = _template.Labels;
        string[] labels = [l.Title, l.AtAGlance, l.AtAGlanceCaption, l.Learner.ToUpperInvariant(), l.LearnerName, l.LearnerIdentifier,
            l.DateOfBirth, l.IssueDate, l.TranscriptId, l.Competencies, l.Code, l.Statement, l.Level, l.DateAttained, l.Evidence,
            l.Continued, l.DomainSummary, l.LevelKey, l.Rank, l.Mastery, l.Verification, l.ScanToVerify, l.PageNumber,
            l.Signature, l.SignatureDate, "0123456789:·—…()", _template.Name];
        string[] fixedText = [d.Institution.Name, .. d.Institution.AddressLines, d.Learner.Name, d.Learner.Identifier ?? "",
            d.TranscriptId, d.QrText, d.VerificationInstructions, new DateOnly(2026, 12, 31).ToString(_template.DateFormat, System.Globalization.CultureInfo.InvariantCulture)];
        return labels.Concat(fixedText)
            .Concat(d.Scale.SelectMany(s => new[] { s.Name, s.Description }))
            .Concat(d.Domains.SelectMany(domain => domain.Competencies
                .SelectMany(c => new[] { c.Code, c.Statement, c.Level.Name, c.EvidenceReference ?? "", c.EvidenceTitle ?? "" })
                .Prepend(domain.Name)));
    }

    /// <summary>The signature has no visible appearance: the printed page stays as laid out; readers list it in their signature panel.</summary>
    private sealed class InvisibleSignature : IAnnotationAppearanceHandler
    {
        public static readonly InvisibleSignature Instance = new();

        public void DrawAppearance(XGraphics gfx, XRect rect)
        {
        }
    }
}
