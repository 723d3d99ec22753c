using System.IO.Compression;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Transcripts.Verifier.Inputs;

/// <summary>
/// What a Transcripts PDF carries for a program: the signed credential attached to it (PDF/A-3 style
/// embedded file) and the QR text, which the renderer also writes into the document information
/// dictionary under <see cref="QrMetadataKey"/> so it can be read without decoding the image.
/// </summary>
/// <param name="Signatures">The document signatures of the file's form; empty for an unsigned (older) transcript.</param>
public sealed record PdfTranscript(string AttachmentName, byte[] Credential, string? QrText, IReadOnlyList<PdfSignatureField> Signatures)
{
    /// <summary>The document-information key that holds the QR text.</summary>
    public const string QrMetadataKey = "/TranscriptsQr";

    /// <summary>The attachment name the service gives the signed transcript credential.</summary>
    public const string CredentialAttachment = "transcript.clr.json";

    private static readonly Lazy<bool> s_licensed = new(() =>
    {
        // The project is AGPL-3.0, which PDFsharp 6.5 accepts as its licence; without it PdfReader refuses to open files.
        PdfSharp.PdfSharpLicense.SetAgplLicense();
        return true;
    });

    /// <summary>Whether a file starts like a PDF.</summary>
    public static bool LooksLikePdf(ReadOnlySpan<byte> head) => head.StartsWith("%PDF-"u8);

    /// <summary>Reads the embedded credential and the QR text of a PDF transcript.</summary>
    /// <exception cref="InputException">The file is not a readable PDF, nests too deeply, inflates beyond bound, or carries no credential.</exception>
    public static PdfTranscript Read(byte[] pdf, int maxAttachmentBytes)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        _ = s_licensed.Value;
        PdfNesting.Check(pdf);
        PdfInflation.Check(pdf);
        var document = OpenOnLargeStack(pdf);
        using (document)
        {
            var attachments = ReadAttachments(document, maxAttachmentBytes);
            if (attachments.Count == 0)
            {
                throw new InputException("The PDF has no embedded credential: it was not issued by Transcripts, or the attachment was removed.");
            }
            var (name, bytes) = attachments.FirstOrDefault(a => a.Name == CredentialAttachment) is { Name: not null } chosen
                ? chosen
                : attachments[0];
            var qr = document.Info.Elements.GetString(QrMetadataKey);
            List<PdfSignatureField> signatures;
            try
            {
                signatures = PdfSignatureField.Read(document, pdf);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new InputException("The PDF's signature fields could not be read: the file is damaged.", e);
            }
            return new PdfTranscript(name, bytes, string.IsNullOrEmpty(qr) ? null : qr, signatures);
        }
    }

    // PDFsharp recurses once per nesting level; PdfNesting bounds the levels, and this thread's stack holds them.
    private const int ParserStackBytes = 256 * 1024 * 1024;

    private static PdfDocument OpenOnLargeStack(byte[] pdf)
    {
        PdfDocument? document = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                document = PdfReader.Open(new MemoryStream(pdf, writable: false), PdfDocumentOpenMode.Import);
            }
            catch (Exception e)
            {
                // Handed to the calling thread: an exception escaping this thread would end the process.
                failure = e;
            }
        }, ParserStackBytes);
        thread.Name = "PDF parser";
        thread.IsBackground = true;
        thread.Start();
        thread.Join();
        if (failure is OutOfMemoryException)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
        // PDFsharp raises many exception types for damaged files; all mean the same to a reader.
        return document ?? throw new InputException("The PDF could not be read: it is damaged, truncated or not a PDF.", failure);
    }

    private static List<(string Name, byte[] Bytes)> ReadAttachments(PdfDocument document, int maxBytes)
    {
        var found = new List<(string, byte[])>();
        try
        {
            var names = document.Internals.Catalog.Elements.GetDictionary("/Names")
                ?.Elements.GetDictionary("/EmbeddedFiles")
                ?.Elements.GetArray("/Names");
            if (names is null)
            {
                return found;
            }
            for (var i = 0; i + 1 < names.Elements.Count; i += 2)
            {
                var name = (names.Elements[i] as PdfString)?.Value;
                var spec = Resolve(names.Elements[i + 1]) as PdfDictionary;
                var file = Resolve(spec?.Elements.GetDictionary("/EF")?.Elements["/F"]) as PdfDictionary;
                var stream = file?.Stream;
                if (name is null || stream is null)
                {
                    continue;
                }
                var filter = (Resolve(file!.Elements["/Filter"]) as PdfName)?.Value
                    ?? (Resolve(file!.Elements["/Filter"]) as PdfArray) switch
                    {
                        { Elements.Count: 1 } single => (Resolve(single.Elements[0]) as PdfName)?.Value,
                        null => null,
                        _ => "(several filters)",
                    };
                found.Add((name, Decode(name, stream.Value, filter, maxBytes)));
            }
        }
        catch (Exception e) when (e is not InputException and not OutOfMemoryException)
        {
            throw new InputException("The PDF's attachments could not be read: the file is damaged.", e);
        }
        return found;
    }

    // Decompressed here rather than by PDFsharp so that a small stream cannot expand without bound.
    private static byte[] Decode(string name, byte[] raw, string? filter, int maxBytes)
    {
        if (filter is null)
        {
            return raw.Length <= maxBytes ? raw : throw TooLarge(name, maxBytes);
        }
        if (filter != "/FlateDecode")
        {
            throw new InputException($"The PDF's attachment '{name}' uses the encoding {filter}, which this verifier does not read.");
        }
        using var inflate = new ZLibStream(new MemoryStream(raw, writable: false), CompressionMode.Decompress);
        var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = inflate.Read(buffer)) > 0)
        {
            if (output.Length + read > maxBytes)
            {
                throw TooLarge(name, maxBytes);
            }
            output.Write(buffer, 0, read);
        }
        return output.ToArray();
    }

    private static InputException TooLarge(string name, int maxBytes) =>
        new($"The PDF's attachment '{name}' is larger than {maxBytes:N0} bytes.");

    private static PdfItem? Resolve(PdfItem? item) => item is PdfReference reference ? reference.Value : item;
}
