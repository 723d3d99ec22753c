using System.Globalization;

namespace Transcripts.LoadDriver;

internal sealed record LoadOptions(int Reads, int Writes, int Concurrency, TimeSpan Limit, string? ApiPath)
{
    public static LoadOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new LoadOptions(Number("--reads", 20_000), Number("--writes", 5_000), Number("--concurrency", 32),
            TimeSpan.FromSeconds(Number("--seconds", 60)), Value("--api"));
    }
}
