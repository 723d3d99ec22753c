using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using PdfSharp.Drawing;

namespace Transcripts.Api.Features.Transcripts.Pdf;

/// <summary>
/// Reads a template from <c>templates/*.json</c> and checks every field, throwing a
/// <see cref="TranscriptTemplateException"/> that names the first field that is wrong.
/// </summary>
internal static partial class TranscriptTemplateLoader
{
    public const string DefaultFontDirectory = "/usr/share/fonts/truetype/dejavu";
    private const int MaxTemplateBytes = 2 * 1024 * 1024;

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 16,
    };

    public static TranscriptTemplate Load(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new TranscriptTemplateException("(file)", $"the template '{path}' does not exist.");
        }
        if (info.Length > MaxTemplateBytes)
        {
            throw new TranscriptTemplateException("(file)", $"the template is {info.Length} bytes; the limit is {MaxTemplateBytes}.");
        }
        return Parse(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path), info.DirectoryName!);
    }

    /// <param name="json">The template text.</param>
    /// <param name="name">A name for the template, used in document metadata only.</param>
    /// <param name="baseDirectory">Where relative logo and font paths are looked up.</param>
    public static TranscriptTemplate Parse(string json, string name, string baseDirectory)
    {
        TemplateJson? raw;
        try
        {
            raw = JsonSerializer.Deserialize<TemplateJson>(json, s_json);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } p ? p[2..] : "(template)";
            throw new TranscriptTemplateException(field, $"is not valid here ({FirstSentence(e.Message)})");
        }
        if (raw is null)
        {
            throw new TranscriptTemplateException("(template)", "the template is empty.");
        }
        return new TranscriptTemplate
        {
            Name = name,
            PageSize = raw.PageSize switch
            {
                "A4" => PageFormat.A4,
                "Letter" => PageFormat.Letter,
                var other => throw new TranscriptTemplateException("pageSize", $"'{other}' is not A4 or Letter."),
            },
            Margins = Margins(Required(raw.Margins, "margins")),
            Fonts = Fonts(Required(raw.Fonts, "fonts"), baseDirectory),
            Colours = Colours(Required(raw.Colours, "colours")),
            Logo = raw.Logo is null ? null : TemplateLogo.Load(raw.Logo, baseDirectory),
            Labels = Labels(Required(raw.Labels, "labels"), Required(raw.Signature, "signature")),
            Sections = Sections(Required(raw.Sections, "sections")),
            ShowEvidenceTitles = raw.ShowEvidenceTitles ?? true,
            ShowDateOfBirth = raw.ShowDateOfBirth ?? false,
            LearnerIdentifierScheme = raw.LearnerIdentifierScheme switch
            {
                null => null,
                { Length: > 0 and <= 64 } scheme when scheme.Trim() == scheme => scheme,
                _ => throw new TranscriptTemplateException("learnerIdentifierScheme", "must be an identifier scheme of 1 to 64 characters, such as \"studentNumber\", or null."),
            },
            ShowSignatureLine = raw.Signature!.Show ?? false,
            DateFormat = DateFormat(raw.DateFormat ?? "yyyy-MM-dd"),
        };
    }

    private static Margins Margins(MarginsJson m) =>
        new(Margin(m.Top, "margins.top"), Margin(m.Right, "margins.right"),
            Margin(m.Bottom, "margins.bottom"), Margin(m.Left, "margins.left"));

    private static double Margin(double? value, string field) => value switch
    {
        null => throw new TranscriptTemplateException(field, "is required (points, 18 to 144)."),
        < 18 or > 144 => throw new TranscriptTemplateException(field, $"{value} is outside 18 to 144 points."),
        _ => value.Value,
    };

    private static TemplateFonts Fonts(FontsJson f, string baseDirectory)
    {
        var directory = f.Directory ?? DefaultFontDirectory;
        var fallbacks = (f.Fallbacks ?? []).Select((v, i) => FontFile(v, false, directory, baseDirectory, $"fonts.fallbacks[{i}]"));
        return new TemplateFonts(
            FontFile(f.Regular, false, directory, baseDirectory, "fonts.regular"),
            FontFile(f.Bold, true, directory, baseDirectory, "fonts.bold"),
            [.. fallbacks]);
    }

    /// <summary>A path to a .ttf file, or a family name such as "DejaVu Serif" found in the font directory.</summary>
    private static string FontFile(string? value, bool bold, string directory, string baseDirectory, string field)
    {
        var text = Text(value, field);
        string[] candidates = text.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase)
            ? [Path.Combine(baseDirectory, text), Path.Combine(directory, text)]
            : [Path.Combine(directory, text.Replace(" ", "", StringComparison.Ordinal) + (bold ? "-Bold.ttf" : ".ttf"))];
        return candidates.FirstOrDefault(File.Exists) is { } found ? Path.GetFullPath(found)
            : throw new TranscriptTemplateException(field, $"no TrueType font '{text}' was found (looked for {string.Join(", ", candidates)}).");
    }

    private static TemplateColours Colours(ColoursJson c)
    {
        var levels = Required(c.Levels, "colours.levels");
        if (levels.Count == 0)
        {
            throw new TranscriptTemplateException("colours.levels", "needs at least one colour, lowest level first.");
        }
        return new TemplateColours(Colour(c.Text, "colours.text"), Colour(c.Muted, "colours.muted"),
            Colour(c.Accent, "colours.accent"), Colour(c.Rule, "colours.rule"), Colour(c.HeaderFill, "colours.headerFill"),
            [.. levels.Select((v, i) => Colour(v, $"colours.levels[{i}]"))]);
    }

    private static XColor Colour(string? value, string field)
    {
        var text = Text(value, field);
        if (!HexColour().IsMatch(text))
        {
            throw new TranscriptTemplateException(field, $"'{text}' is not a colour like #1f6feb");
        }
        var rgb = int.Parse(text.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return XColor.FromArgb(255, (rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }

    private static TranscriptLabels Labels(LabelsJson l, SignatureJson signature) => new()
    {
        Title = Text(l.Title, "labels.title"),
        AtAGlance = Text(l.AtAGlance, "labels.atAGlance"),
        AtAGlanceCaption = Placeholder(l.AtAGlanceCaption, "labels.atAGlanceCaption", "{count}"),
        Learner = Text(l.Learner, "labels.learner"),
        LearnerName = Text(l.LearnerName, "labels.learnerName"),
        LearnerIdentifier = Text(l.LearnerIdentifier, "labels.learnerIdentifier"),
        DateOfBirth = Text(l.DateOfBirth, "labels.dateOfBirth"),
        IssueDate = Text(l.IssueDate, "labels.issueDate"),
        TranscriptId = Text(l.TranscriptId, "labels.transcriptId"),
        Competencies = Text(l.Competencies, "labels.competencies"),
        Code = Text(l.Code, "labels.code"),
        Statement = Text(l.Statement, "labels.statement"),
        Level = Text(l.Level, "labels.level"),
        DateAttained = Text(l.DateAttained, "labels.dateAttained"),
        Evidence = Text(l.Evidence, "labels.evidence"),
        Continued = Text(l.Continued, "labels.continued"),
        DomainSummary = Placeholder(l.DomainSummary, "labels.domainSummary", "{count}"),
        LevelKey = Text(l.LevelKey, "labels.levelKey"),
        Rank = Text(l.Rank, "labels.rank"),
        Mastery = Text(l.Mastery, "labels.mastery"),
        Verification = Text(l.Verification, "labels.verification"),
        ScanToVerify = Text(l.ScanToVerify, "labels.scanToVerify"),
        PageNumber = Placeholder(Placeholder(l.PageNumber, "labels.pageNumber", "{page}"), "labels.pageNumber", "{pages}"),
        Signature = Text(signature.Label, "signature.label"),
        SignatureDate = Text(l.SignatureDate, "labels.signatureDate"),
    };

    private static List<TranscriptSection> Sections(List<string> names)
    {
        var sections = new List<TranscriptSection>();
        for (var i = 0; i < names.Count; i++)
        {
            if (!Enum.TryParse<TranscriptSection>(names[i], ignoreCase: true, out var section) || !char.IsLetter(names[i][0]))
            {
                throw new TranscriptTemplateException($"sections[{i}]",
                    $"'{names[i]}' is not one of header, learner, atAGlance, competencies, levelKey, verification.");
            }
            if (sections.Contains(section))
            {
                throw new TranscriptTemplateException($"sections[{i}]", $"'{names[i]}' appears twice.");
            }
            sections.Add(section);
        }
        return sections;
    }

    private static string DateFormat(string format)
    {
        try
        {
            _ = new DateOnly(2026, 12, 31).ToString(format, CultureInfo.InvariantCulture);
            return format;
        }
        catch (FormatException)
        {
            throw new TranscriptTemplateException("dateFormat", $"'{format}' is not a date format like yyyy-MM-dd.");
        }
    }

    private static string Placeholder(string? value, string field, string placeholder)
    {
        var text = Text(value, field);
        return text.Contains(placeholder, StringComparison.Ordinal) ? text
            : throw new TranscriptTemplateException(field, $"'{text}' must contain {placeholder}.");
    }

    private static string Text(string? value, string field) => string.IsNullOrWhiteSpace(value)
        ? throw new TranscriptTemplateException(field, "is required and must not be empty.")
        : value;

    private static T Required<T>(T? value, string field) where T : class =>
        value ?? throw new TranscriptTemplateException(field, "is required.");

    private static string FirstSentence(string message) => message.Split(". ")[0].TrimEnd('.');

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColour();
}
