using System.Text.Json.Nodes;
using Transcripts.Signing;

namespace Transcripts.Verifier.Inputs;

/// <summary>The JSON credentials in files given to <c>status refresh</c>: credential and presentation files, and PDF transcripts' embedded CLR.</summary>
internal static class CredentialInputs
{
    /// <summary>Reads every file (folders: the files in them); a file that cannot be read is named in <paramref name="problems"/>.</summary>
    public static IReadOnlyList<JsonObject> Read(IReadOnlyList<string> paths, ICollection<string> problems)
    {
        var documents = new List<JsonObject>();
        foreach (var path in paths)
        {
            try
            {
                foreach (var file in Directory.Exists(path) ? FolderInput.Files(path) : [path])
                {
                    if (ReadOne(file, problems) is { } document)
                    {
                        documents.Add(document);
                    }
                }
            }
            catch (InputException e)
            {
                problems.Add($"{path}: {e.Message}");
            }
        }
        return documents;
    }

    private static JsonObject? ReadOne(string path, ICollection<string> problems)
    {
        try
        {
            var file = CredentialFile.Read(path);
            var json = file.Kind switch
            {
                InputKind.Pdf => PdfTranscript.Read(file.Bytes, CredentialFile.MaxJsonBytes).Credential,
                InputKind.QrText => null,
                _ => file.Bytes,
            };
            if (json is null)
            {
                problems.Add($"{path}: a QR code names no status list; give the PDF or the credential instead.");
                return null;
            }
            return JsonInput.ParseObject(json);
        }
        catch (InputException e)
        {
            problems.Add($"{path}: {e.Message}");
        }
        catch (SigningException e)
        {
            problems.Add($"{path}: not a readable JSON credential ({e.Message}).");
        }
        return null;
    }
}
