using System.Text;
using Transcripts.Api.Features.Learners;

namespace Transcripts.Api.Tests.Features.Learners;

public sealed class CsvTests
{
    private static Task<Csv.Result> ReadAsync(byte[] bytes, long maxBytes = 1024, int maxRows = 100) =>
        Csv.ReadAsync(new MemoryStream(bytes), maxBytes, maxRows, CancellationToken.None);

    private static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    [Fact]
    public async Task Read_skips_the_byte_order_mark_unquotes_fields_and_numbers_rows_by_the_line_they_start_on()
    {
        var result = await ReadAsync(Utf8WithBom(
            "name,identifiers\r\n" +
            "\"Doe, \"\"JJ\"\" Jane\",\"sis:1;\r\nstate:TX-9\"\r\n" +
            "\r\n" +
            "\"Two\nline\nname\",sis:2\n" +
            "Plain,sis:3"));

        Assert.Null(result.Error);
        var rows = Assert.IsType<List<(int Line, List<string> Fields)>>(result.Rows);
        Assert.Equal([1, 2, 5, 8], rows.Select(r => r.Line));
        Assert.Equal(["name", "identifiers"], rows[0].Fields);
        Assert.Equal(["Doe, \"JJ\" Jane", "sis:1;\r\nstate:TX-9"], rows[1].Fields);
        Assert.Equal(["Two\nline\nname", "sis:2"], rows[2].Fields);
        Assert.Equal(["Plain", "sis:3"], rows[3].Fields);
    }

    [Fact]
    public async Task Read_rejects_a_quoted_field_that_is_never_closed_naming_its_line()
    {
        var result = await ReadAsync(Encoding.UTF8.GetBytes("name,identifiers\nA,sis:1\n\"Open,sis:2\nB,sis:3\n"));

        Assert.Null(result.Rows);
        Assert.Equal("A quoted field that starts on line 3 is never closed.", result.Error);
    }

    [Fact]
    public async Task Read_rejects_bytes_that_are_not_utf8()
    {
        var result = await ReadAsync([.. Encoding.UTF8.GetBytes("name,identifiers\nA,"), 0xC3, 0x28, (byte)'\n']);

        Assert.Null(result.Rows);
        Assert.Equal("The file is not UTF-8 text.", result.Error);
    }

    [Fact]
    public async Task Read_accepts_a_file_of_exactly_the_byte_limit_and_flags_one_byte_more()
    {
        var file = Encoding.UTF8.GetBytes("name,identifiers\nA,sis:1\n");

        var exact = await ReadAsync(file, maxBytes: file.Length);
        var over = await ReadAsync([.. file, (byte)'\n'], maxBytes: file.Length);

        Assert.False(exact.IsTooLarge);
        Assert.Equal(2, exact.Rows!.Count);
        Assert.True(over.IsTooLarge);
        Assert.Null(over.Rows);
    }

    [Fact]
    public async Task Read_stops_past_the_row_limit()
    {
        var result = await ReadAsync(Encoding.UTF8.GetBytes("name,identifiers\nA,1\nB,2\nC,3\n"), maxRows: 2);

        Assert.Null(result.Rows);
        Assert.Equal("The file has more than 2 rows.", result.Error);
    }
}
