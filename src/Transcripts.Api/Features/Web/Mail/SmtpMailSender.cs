using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Transcripts.Api.Features.Web.Mail;

/// <summary>Sends through the SMTP server named in <see cref="MailOptions"/>.</summary>
internal sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    public async Task SendAsync(OutgoingMail message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var client = new SmtpClient(o.SmtpHost!, o.SmtpPort) { EnableSsl = o.SmtpUseTls };
        if (o.SmtpUserName is not null)
        {
            client.Credentials = new NetworkCredential(o.SmtpUserName, o.SmtpPassword);
        }
        using var mail = new MailMessage(o.From, message.To, message.Subject, message.Body);
        await client.SendMailAsync(mail, cancellationToken);
    }
}
