using Transcripts.Api.Features.SigningKeys;

namespace Transcripts.Api.Hosting;

/// <summary>
/// Whether the service seeds a demo institution on an empty database (<c>--demo</c>, or <c>Demo:Seed</c> in configuration),
/// and the key-encryption key file it wrote for the demo when none was configured.
/// </summary>
internal sealed record DemoMode(bool Enabled, string? KeyEncryptionKeyWritten)
{
    public const string Flag = "--demo";

    /// <summary>The same as <see cref="Flag"/>, from configuration.</summary>
    public const string Setting = "Demo:Seed";

    /// <summary>Reads the mode, writes a demo key-encryption key if it needs one, and registers the mode.</summary>
    public static DemoMode Configure(WebApplicationBuilder builder, string[] args)
    {
        var enabled = args.Contains(Flag) || builder.Configuration.GetValue<bool>(Setting);
        var kek = enabled
            ? DemoKeyEncryptionKey.Ensure(builder.Configuration, builder.Configuration["Storage:DataDirectory"] ?? "./data")
            : null;
        var mode = new DemoMode(enabled, kek);
        builder.Services.AddSingleton(mode);
        return mode;
    }
}
