using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Transcripts.Api.Features.Transcripts.Pdf;

/// <summary>
/// Completes the attachment the way PDF/A-3 (ISO 19005-3 §6.8) describes an associated file: the stream gets its
/// media type (/Subtype) and size, the file specification a description, /UF and /AFRelationship /Source, and the
/// catalog lists it under /AF. PDFsharp's AddEmbeddedFile writes only the name and the bytes.
/// </summary>
internal static class EmbeddedFileMetadata
{
    public static void Describe(PdfDocument pdf, EmbeddedCredential credential)
    {
        var catalog = pdf.Internals.Catalog;
        var names = catalog.Elements.GetDictionary("/Names");
        var tree = names?.Elements.GetDictionary("/EmbeddedFiles");
        var array = tree?.Elements.GetArray("/Names");
        if (array is null)
        {
            return;
        }
        var associated = new PdfArray(pdf);
        for (var i = 1; i < array.Elements.Count; i += 2)
        {
            if (array.Elements[i] is not PdfReference { Value: PdfDictionary spec })
            {
                continue;
            }
            spec.Elements.SetString("/UF", credential.FileName);
            spec.Elements.SetString("/Desc", "Signed credential (Comprehensive Learner Record)");
            spec.Elements.SetName("/AFRelationship", "/Source");
            var stream = spec.Elements.GetDictionary("/EF")?.Elements.GetDictionary("/F");
            if (stream is not null)
            {
                stream.Elements.SetName("/Subtype", "/" + credential.MediaType.Replace("/", "#2F", StringComparison.Ordinal));
                var parameters = new PdfDictionary(pdf);
                parameters.Elements.SetInteger("/Size", credential.Content.Length);
                stream.Elements["/Params"] = parameters;
                if (stream.Stream is not null && !stream.Elements.ContainsKey("/Filter"))
                {
                    // Compressed here rather than by PDFsharp, whose deflate output is left unterminated (see ContentStreams).
                    stream.Stream.Value = ContentStreams.Deflate(credential.Content.Span);
                    stream.Elements.SetName("/Filter", "/FlateDecode");
                }
            }
            associated.Elements.Add(array.Elements[i]);
        }
        catalog.Elements["/AF"] = associated;
    }
}
