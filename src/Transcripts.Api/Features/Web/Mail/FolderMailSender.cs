using System.Globalization;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Hosting;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Mail;

/// <summary>
/// Writes each message as a text file under <c>{data folder}/mail</c> (readable by the service's user only, like the first admin
/// key), and in demo mode also to the console, so a school without a mail server can still hand out invitations.
/// </summary>
internal sealed class FolderMailSender(IOptions<StorageOptions> storage, IOptions<MailOptions> options, DemoMode demo, ConsoleOutput console,
    TimeProvider clock) : IMailSender
{
    public string Folder => Path.Combine(Path.GetFullPath(storage.Value.DataDirectory), "mail");

    public async Task SendAsync(OutgoingMail message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var now = clock.GetUtcNow();
        var file = Path.Combine(Folder, $"{now.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}-{Guid.CreateVersion7():N}.txt");
        var text = $"From: {options.Value.From}\nTo: {message.To}\nDate: {now.ToString("R", CultureInfo.InvariantCulture)}\nSubject: {message.Subject}\n\n{message.Body}\n";
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        await using (var writer = new StreamWriter(file, System.Text.Encoding.UTF8, fileOptions))
        {
            await writer.WriteAsync(text.AsMemory(), cancellationToken);
        }
        if (demo.Enabled)
        {
            await console.Writer.WriteLineAsync($"Mail to {message.To}: {message.Subject}\n{message.Body}\n");
        }
    }
}
