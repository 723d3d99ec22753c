using PdfSharp.Fonts;
using Transcripts.Tests;

namespace Transcripts.Verifier.Tests;

/// <summary>DejaVu Sans for the forgers' overlays drawn with PDFsharp (fonts-dejavu-core).</summary>
internal sealed class DejaVuResolver : IFontResolver
{
    private const string FontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private static readonly Lazy<bool> s_installed = new(() =>
    {
        GlobalFontSettings.FontResolver ??= new DejaVuResolver();
        return true;
    });

    public static void Install()
    {
        Skip.If(!File.Exists(FontFile), $"{FontFile} is missing (Debian package fonts-dejavu-core).");
        _ = s_installed.Value;
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new("DejaVuSans");

    public byte[] GetFont(string faceName) => File.ReadAllBytes(FontFile);
}
