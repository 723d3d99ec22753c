using System.Text;

namespace Transcripts.Api.Features.Learners;

/// <summary>RFC 4180 CSV: quoted fields with doubled quotes, commas and line breaks inside quotes, CRLF or LF rows.</summary>
internal static class Csv
{
    /// <summary>Rows with their 1-based line numbers; null with a reason when the quoting is broken.</summary>
    public static (List<(int Line, List<string> Fields)>? Rows, string? Error) Parse(string text, int maxRows)
    {
        var rows = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        var i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;
        }
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                fields.Add(field.ToString());
                field.Clear();
                if (fields.Count > 1 || fields[0].Length > 0)
                {
                    rows.Add((rowLine, fields));
                }
                fields = [];
                line++;
                rowLine = line;
                if (rows.Count > maxRows)
                {
                    return (null, $"The file has more than {maxRows} rows.");
                }
            }
            else
            {
                field.Append(c);
            }
        }
        if (quoted)
        {
            return (null, $"A quoted field that starts on line {rowLine} is never closed.");
        }
        fields.Add(field.ToString());
        if (fields.Count > 1 || fields[0].Length > 0)
        {
            rows.Add((rowLine, fields));
        }
        return rows.Count > maxRows + 1 ? (null, $"The file has more than {maxRows} rows.") : (rows, null);
    }
}
