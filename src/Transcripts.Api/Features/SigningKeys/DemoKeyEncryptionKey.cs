namespace Transcripts.Api.Features.SigningKeys;

internal static class DemoKeyEncryptionKey
{
    /// <summary>
    /// In demo mode without a configured key-encryption key, writes one to the data folder and points configuration at it,
    /// so the demo can sign. Returns the file written, if any, for a warning once logging is up.
    /// </summary>
    public static string? Ensure(ConfigurationManager configuration, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configuration[$"{SigningOptions.Section}:{nameof(SigningOptions.KeyEncryptionKey)}"])
            || !string.IsNullOrWhiteSpace(configuration[$"{SigningOptions.Section}:{nameof(SigningOptions.KeyEncryptionKeyFile)}"]))
        {
            return null;
        }
        var path = Path.Combine(Path.GetFullPath(dataDirectory), "demo-key-encryption-key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, KeyEncryption.NewKekText());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        configuration[$"{SigningOptions.Section}:{nameof(SigningOptions.KeyEncryptionKeyFile)}"] = path;
        return path;
    }
}
