using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.RegularExpressions;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Tests.Infrastructure;

/// <summary>
/// <see cref="Problems"/> is the one place problem codes are made, and its codes are exactly the table of docs/problems.md,
/// so a client reading the table knows every code the API can send.
/// </summary>
public sealed partial class ProblemCatalogueTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string s_root = global::Transcripts.Tests.SpecData.RepositoryRoot;

    private static HashSet<string> CatalogueCodes() =>
        typeof(Problems.Codes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);

    /// <summary>The first cell of each row of the table (a cell may hold two codes: <c>`a` / `b`</c>).</summary>
    private static HashSet<string> DocumentedCodes()
    {
        var rows = File.ReadAllLines(Path.Combine(s_root, "docs", "problems.md"))
            .SkipWhile(l => !l.StartsWith("| code |", StringComparison.Ordinal)).Skip(2)
            .TakeWhile(l => l.StartsWith('|'));
        return rows.SelectMany(r => CodeCell().Matches(r.Split('|')[1]).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
    }

    [Fact]
    public void The_catalogue_codes_are_exactly_the_documented_table()
    {
        var catalogue = CatalogueCodes();
        var documented = DocumentedCodes();

        Assert.True(documented.Count > 30, $"only {documented.Count} codes were read from docs/problems.md");
        Assert.Empty(catalogue.Except(documented));
        Assert.Empty(documented.Except(catalogue));
    }

    [Fact]
    public void The_catalogue_has_no_code_twice() =>
        Assert.Equal(typeof(Problems.Codes).GetFields().Length, CatalogueCodes().Count);

    /// <summary>
    /// Outside Problems no file writes a <c>code</c>, builds a problem type or a problem of its own; a new one made inline would
    /// escape the table above.
    /// </summary>
    [Fact]
    public void No_file_but_the_catalogue_makes_a_problem_or_a_code()
    {
        var source = Path.Combine(s_root, "src", "Transcripts.Api");
        var offenders = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !Path.GetFileName(f).StartsWith("Problems.", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(source, f), Line: i + 1, Text: line)))
            .Where(l => ProblemMaking().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}").ToList();

        Assert.True(Directory.Exists(source), source);
        Assert.True(offenders.Count == 0, "problems or codes made outside Problems:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public async Task A_data_annotation_validation_problem_has_the_projects_type_and_code()
    {
        var school = await app.SeedInstitutionAsync();
        using var admin = app.CreateClientFor(school.Admin);

        using var response = await admin.PostAsJsonAsync("/signing-keys", new { keyType = "RSA" });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, Problems.Codes.ValidationFailed);
        Assert.Equal(ProblemTypes.Base + Problems.Codes.ValidationFailed, problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("KeyType", out _), problem.ToString());
    }

    [GeneratedRegex(@"`([a-z0-9]+(?:-[a-z0-9]+)*)`")]
    private static partial Regex CodeCell();

    [GeneratedRegex(@"\[""code""\]|""code""\s*,|ProblemTypes\.Base|TypedResults\.(Validation)?Problem\(|Results\.(Validation)?Problem\(|new ProblemDetails\b")]
    private static partial Regex ProblemMaking();
}
