namespace Transcripts.Api.Cli;

/// <summary>
/// The configuration arguments a command passes on to the service's configuration, as the service itself takes them:
/// <c>--Section:Key value</c> or <c>--Section:Key=value</c> (the key names a section, so it has a colon). Anything else
/// left over by the parser is a mistake, not configuration, so a mistyped option is refused instead of ignored.
/// </summary>
internal static class ConfigurationArguments
{
    /// <returns>The arguments in order, or <see langword="null"/> with <paramref name="error"/> set.</returns>
    public static string[]? Collect(IReadOnlyList<string> unmatched, out string? error)
    {
        var collected = new List<string>();
        for (var i = 0; i < unmatched.Count; i++)
        {
            var token = unmatched[i];
            var key = token.StartsWith("--", StringComparison.Ordinal) ? token[2..].Split('=', 2)[0] : "";
            if (!key.Contains(':', StringComparison.Ordinal) || key.StartsWith(':') || key.EndsWith(':'))
            {
                error = $"Unrecognized argument '{token}'. Configuration is given as --Section:Key value (for example --Storage:DataDirectory ./data).";
                return null;
            }
            collected.Add(token);
            if (token.Contains('=', StringComparison.Ordinal))
            {
                continue;
            }
            if (i + 1 >= unmatched.Count || unmatched[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"The configuration argument '{token}' needs a value.";
                return null;
            }
            collected.Add(unmatched[++i]);
        }
        error = null;
        return collected.ToArray();
    }
}
