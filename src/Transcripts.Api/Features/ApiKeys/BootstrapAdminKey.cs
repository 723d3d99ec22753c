using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Institutions;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.ApiKeys;

/// <summary>
/// On the first start with an empty database: one institution and one admin key. The secret is written to
/// <c>{DataDirectory}/first-admin-key</c>, readable only by the service's user (0600), and printed only when standard output
/// is a terminal: a redirected output is a log stream (journald, docker logs) that keeps it for anyone who reads logs.
/// Never through the logger.
/// </summary>
internal static class BootstrapAdminKey
{
    public const string InstitutionNameSetting = "Bootstrap:InstitutionName";
    public const string FileName = "first-admin-key";

    public static async Task RunAsync(TranscriptsDb db, IConfiguration configuration, TimeProvider clock, ConsoleOutput output,
        string dataDirectory, CancellationToken cancellationToken)
    {
        if (await db.Institutions.AnyAsync(cancellationToken) || await db.ApiKeys.AnyAsync(cancellationToken))
        {
            return;
        }
        var secret = NewInstitution.Add(db, new Institution { Name = configuration[InstitutionNameSetting] ?? "My institution" },
            "first admin key", clock).AdminKeySecret;
        var path = WriteOwnerOnly(dataDirectory, FileName, secret);
        await db.SaveChangesAsync(cancellationToken);
        if (output.IsInteractive)
        {
            await output.Writer.WriteLineAsync($"""

                The database was empty: created an institution and its first admin API key.
                Admin key (shown only now; store it safely): {secret}
                Use it as: curl -H "Authorization: Bearer {secret}" http://localhost:5000/institution
                It is also in {path} (readable only by this user); delete that file once the key is stored elsewhere.

                """);
        }
        else
        {
            await output.Writer.WriteLineAsync($"The database was empty: created an institution and its first admin API key. "
                + $"The key is in {path} (readable only by this user), not printed here because standard output is not a terminal.");
        }
    }

    /// <summary>Writes <paramref name="secret"/> to <paramref name="fileName"/> in the data folder, readable and writable by this user only.</summary>
    public static string WriteOwnerOnly(string dataDirectory, string fileName, string secret)
    {
        var path = Path.Combine(Path.GetFullPath(dataDirectory), fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var file = new StreamWriter(path, System.Text.Encoding.ASCII, options))
        {
            file.WriteLine(secret);
        }
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);   // also when the file was already there
        }
        return path;
    }
}
