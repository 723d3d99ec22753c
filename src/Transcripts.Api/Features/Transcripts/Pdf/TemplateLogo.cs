namespace Transcripts.Api.Features.Transcripts.Pdf;

/// <summary>A template's logo: a path relative to the template, or a <c>data:image/png;base64,…</c> URI.</summary>
internal static class TemplateLogo
{
    private const string Field = "logo";
    private const int MaxBytes = 1024 * 1024;

    public static byte[] Load(string value, string baseDirectory)
    {
        byte[] bytes;
        if (value.StartsWith("data:", StringComparison.Ordinal))
        {
            var comma = value.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || !value[..comma].EndsWith(";base64", StringComparison.Ordinal))
            {
                throw new TranscriptTemplateException(Field, "a data URI must look like data:image/png;base64,….");
            }
            try
            {
                bytes = Convert.FromBase64String(value[(comma + 1)..]);
            }
            catch (FormatException)
            {
                throw new TranscriptTemplateException(Field, "the data URI is not valid base64.");
            }
        }
        else
        {
            var path = Path.Combine(baseDirectory, value);
            if (!File.Exists(path))
            {
                throw new TranscriptTemplateException(Field, $"the file '{path}' does not exist.");
            }
            if (new FileInfo(path).Length > MaxBytes)
            {
                throw new TranscriptTemplateException(Field, $"the logo is larger than {MaxBytes} bytes.");
            }
            bytes = File.ReadAllBytes(path);
        }
        return IsPngOrJpeg(bytes) ? bytes : throw new TranscriptTemplateException(Field, "the logo must be a PNG or JPEG image.");
    }

    public static bool IsPngOrJpeg(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]);
}
