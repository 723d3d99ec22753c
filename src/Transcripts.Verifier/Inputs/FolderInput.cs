namespace Transcripts.Verifier.Inputs;

/// <summary>The files of a folder given to <c>verify</c>: the files directly in it, in name order, hidden files left out.</summary>
internal static class FolderInput
{
    /// <summary>More files than any admissions batch; a folder beyond it is refused rather than read for hours.</summary>
    public const int MaxFiles = 100_000;

    /// <exception cref="InputException">The folder cannot be listed, or holds more than <see cref="MaxFiles"/> files.</exception>
    public static IReadOnlyList<string> Files(string folder)
    {
        try
        {
            var files = Directory.EnumerateFiles(folder)
                .Where(f => !Path.GetFileName(f).StartsWith('.'))
                .Take(MaxFiles + 1)
                .Order(StringComparer.Ordinal)
                .ToList();
            return files.Count <= MaxFiles ? files
                : throw new InputException($"The folder holds more than {MaxFiles:N0} files; verify it in parts.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"The folder could not be listed: {e.Message}", e);
        }
    }
}
