using System.Globalization;

namespace Transcripts.LoadDriver;

/// <param name="Databases">Which runs to make, of "sqlite", "postgres" (one instance) and "postgres2" (two instances).</param>
internal sealed record LoadOptions(int Reads, int Writes, int Concurrency, TimeSpan Limit, string? ApiPath, IReadOnlyList<string> Databases)
{
    public static LoadOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new LoadOptions(Number("--reads", 20_000), Number("--writes", 5_000), Number("--concurrency", 32),
            TimeSpan.FromSeconds(Number("--seconds", 60)), Value("--api"),
            (Value("--databases") ?? "sqlite,postgres,postgres2").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
