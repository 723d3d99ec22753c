namespace Transcripts.Tests;

/// <summary>
/// Locates the official specification test data in <c>../shared/spec</c> beside the repository.
/// When the folder is absent (a user's fresh clone) tests that need it are skipped with a reason;
/// when <c>TRANSCRIPTS_REQUIRE_SPEC=1</c> is set (CI) they fail instead.
/// </summary>
public static class SpecData
{
    public const string RequireVariable = "TRANSCRIPTS_REQUIRE_SPEC";

    private static readonly Lazy<string?> s_root = new(FindRoot);

    /// <summary>The repository root (the folder that holds Transcripts.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Whether the spec folder is present.</summary>
    public static bool IsAvailable => s_root.Value is not null;

    /// <summary>Whether CI demands the spec folder.</summary>
    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>
    /// The absolute path of <paramref name="relative"/> under <c>../shared/spec</c>. Call it from a
    /// <c>[SkippableFact]</c>/<c>[SkippableTheory]</c>: it skips the test when the folder is absent,
    /// or fails it when <see cref="IsRequired"/>.
    /// </summary>
    public static string Path(string relative)
    {
        Require();
        return System.IO.Path.Combine(s_root.Value!, relative);
    }

    /// <summary>
    /// The path for use in member data (test discovery), where skipping is not possible: it never throws,
    /// and gives a path that may not exist; the test itself calls <see cref="Require"/>.
    /// </summary>
    public static string PathForDiscovery(string relative) =>
        System.IO.Path.Combine(s_root.Value ?? System.IO.Path.Combine(RepositoryRoot, "..", "shared", "spec"), relative);

    /// <summary>Skips the calling test when the spec folder is absent, or fails it when CI requires the folder.</summary>
    public static void Require()
    {
        if (s_root.Value is not null)
        {
            return;
        }
        if (IsRequired)
        {
            throw new InvalidOperationException(
                $"{RequireVariable}=1 is set but ../shared/spec was not found beside {RepositoryRoot}.");
        }
        Xunit.Skip.If(true, "The specification test data (../shared/spec beside the repository) is not present.");
    }

    private static string? FindRoot()
    {
        var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared", "spec"));
        return Directory.Exists(candidate) ? candidate : null;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Transcripts.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Transcripts.sln was not found above " + AppContext.BaseDirectory);
    }
}
