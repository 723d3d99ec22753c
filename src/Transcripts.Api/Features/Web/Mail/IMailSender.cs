namespace Transcripts.Api.Features.Web.Mail;

/// <summary>Where invitations go: a folder of messages by default, an SMTP server when <see cref="MailOptions.SmtpHost"/> is set.</summary>
internal interface IMailSender
{
    Task SendAsync(OutgoingMail message, CancellationToken cancellationToken);
}
