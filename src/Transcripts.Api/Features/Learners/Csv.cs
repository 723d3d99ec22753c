using System.Text.Unicode;
using CsvHelper;

namespace Transcripts.Api.Features.Learners;

/// <summary>
/// Reads an uploaded CSV file as a stream with CsvHelper (RFC 4180: quoted fields with doubled quotes, commas and line
/// breaks inside quotes, CRLF or LF rows, a byte order mark skipped). Empty lines are skipped. A stray quote inside an
/// unquoted field is kept as text; a quoted field that is never closed rejects the file.
/// </summary>
internal static class Csv
{
    /// <summary>The rows with the 1-based line each starts on, or the reason the file as a whole cannot be read.</summary>
    public sealed record Result(List<(int Line, List<string> Fields)>? Rows, string? Error, bool IsTooLarge);

    public static async Task<Result> ReadAsync(Stream upload, long maxBytes, int maxRows, CancellationToken cancellationToken)
    {
        var bounded = new BoundedStream(upload, maxBytes);
        int? unclosedQuoteLine = null;
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            OnMalformedRecord = m =>
            {
                if (m.Reason == CsvMalformedReason.UnterminatedQuote)
                {
                    unclosedQuoteLine ??= (int)m.LineNumber;
                }
            },
        };
        var rows = new List<(int, List<string>)>();
        await using (var reader = CsvReader.Create(bounded, options, leaveOpen: true))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!Utf8.IsValid(reader.RawRecord))
                {
                    return bounded.IsOverLimit ? TooLarge : new Result(null, "The file is not UTF-8 text.", false);
                }
                var fields = new List<string>(reader.FieldCount);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    fields.Add(reader.GetString(i));
                }
                // A line of only spaces or a single empty quoted field holds no learner either.
                if (fields.Count > 1 || fields[0].Length > 0)
                {
                    rows.Add(((int)reader.LineNumber, fields));
                }
                if (rows.Count > maxRows + 1)
                {
                    return new Result(null, $"The file has more than {maxRows} rows.", false);
                }
            }
        }
        if (bounded.IsOverLimit)
        {
            return TooLarge;
        }
        return unclosedQuoteLine is { } line
            ? new Result(null, $"A quoted field that starts on line {line} is never closed.", false)
            : new Result(rows, null, false);
    }

    private static Result TooLarge => new(null, null, true);
}
