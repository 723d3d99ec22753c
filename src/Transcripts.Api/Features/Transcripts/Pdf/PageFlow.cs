using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Transcripts.Api.Features.Transcripts.Pdf;

/// <summary>
/// The vertical flow of content over pages: a cursor on the current page, a page break when a block does not fit,
/// and a hook so a table can repeat its header on the new page. Footers are drawn after layout, once the page
/// count is known.
/// </summary>
internal sealed class PageFlow : IDisposable
{
    private readonly PdfDocument _document;
    private readonly TranscriptTemplate _template;
    private XGraphics? _graphics;

    private readonly bool _isDrawing;

    /// <param name="isDrawing">False for a layout pass that only counts pages: nothing is drawn.</param>
    public PageFlow(PdfDocument document, TranscriptTemplate template, double footerHeight, bool isDrawing)
    {
        _isDrawing = isDrawing;
        _document = document;
        _template = template;
        var size = template.PageDimensions;
        Left = template.Margins.Left;
        Right = size.Width - template.Margins.Right;
        Top = template.Margins.Top;
        Bottom = size.Height - template.Margins.Bottom - footerHeight;
    }

    /// <summary>Opens page 1; call after <see cref="PageFinishing"/> is set.</summary>
    public void Start() => NewPage();

    public double Left { get; }
    public double Right { get; }
    public double Top { get; }
    public double Bottom { get; }
    public double Width => Right - Left;

    /// <summary>The cursor: where the next block starts on the current page.</summary>
    public double Y { get; set; }

    public int PageNumber => _document.PageCount;

    /// <summary>False in the page-counting pass, whose measuring context cannot clip, save state or draw images.</summary>
    public bool IsDrawing => _isDrawing;

    public XGraphics Graphics => _graphics!;

    /// <summary>Called before a page is closed, with its graphics and page number (footers, the QR code).</summary>
    public Action<XGraphics, int>? PageFinishing { get; set; }

    /// <summary>Called after each automatic page break, with the cursor at the top of the new page.</summary>
    public Action? PageStarted { get; set; }

    public double Remaining => Bottom - Y;

    /// <summary>Breaks the page unless <paramref name="height"/> fits below the cursor; returns true on a break.</summary>
    public bool Ensure(double height)
    {
        if (Y + height <= Bottom || Y <= Top + 0.5)
        {
            return false;
        }
        NewPage();
        PageStarted?.Invoke();
        return true;
    }

    public void NewPage()
    {
        EndPage();
        var page = _document.AddPage();
        var size = _template.PageDimensions;
        page.Width = XUnit.FromPoint(size.Width);
        page.Height = XUnit.FromPoint(size.Height);
        _graphics = _isDrawing ? XGraphics.FromPdfPage(page)
            : XGraphics.CreateMeasureContext(size, XGraphicsUnit.Point, XPageDirection.Downwards);
        if (_isDrawing)
        {
            StructureBuilder?.BeginElement(PdfBlockLevelElementTag.Paragraph);
        }
        Y = Top;
    }

    /// <summary>
    /// PDFsharp's PDF/A mode is PDF/A-1a, which is tagged: content must be drawn inside a structure element, and
    /// only on the current page. Each page is one element, and its footer is drawn before the next page begins.
    /// </summary>
    private StructureBuilder? StructureBuilder => _document.IsPdfA ? UAManager.ForDocument(_document).StructureBuilder : null;

    private void EndPage()
    {
        if (_graphics is not null)
        {
            PageFinishing?.Invoke(_graphics, PageNumber);
            if (_isDrawing)
            {
                StructureBuilder?.End();
            }
            _graphics.Dispose();
            _graphics = null;
        }
    }

    public void Dispose() => EndPage();
}
