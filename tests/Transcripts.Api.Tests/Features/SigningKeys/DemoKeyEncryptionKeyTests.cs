using Microsoft.Extensions.Configuration;
using Transcripts.Api.Features.SigningKeys;

namespace Transcripts.Api.Tests.Features.SigningKeys;

public sealed class DemoKeyEncryptionKeyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("transcripts-demo-kek-").FullName;

    [Fact]
    public void Demo_mode_writes_a_private_kek_file_once_and_points_configuration_at_it()
    {
        var configuration = new ConfigurationManager();

        var path = DemoKeyEncryptionKey.Ensure(configuration, _dir);
        var first = File.ReadAllText(path!);
        DemoKeyEncryptionKey.Ensure(new ConfigurationManager(), _dir);

        Assert.Equal(path, configuration["Signing:KeyEncryptionKeyFile"]);
        Assert.Equal(32, Convert.FromBase64String(first).Length);
        Assert.Equal(first, File.ReadAllText(path!));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path!));
        }
    }

    [Fact]
    public void Demo_mode_leaves_a_configured_kek_alone()
    {
        var configuration = new ConfigurationManager();
        configuration["Signing:KeyEncryptionKey"] = TranscriptsApp.Kek;

        Assert.Null(DemoKeyEncryptionKey.Ensure(configuration, _dir));
        Assert.Empty(Directory.GetFiles(_dir));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
