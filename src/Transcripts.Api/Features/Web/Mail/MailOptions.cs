using System.ComponentModel.DataAnnotations;

namespace Transcripts.Api.Features.Web.Mail;

internal sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The sender address of every message.</summary>
    [Required, EmailAddress]
    public string From { get; set; } = "transcripts@localhost";

    /// <summary>Set to send through SMTP; unset, messages are written to <c>{data folder}/mail</c>.</summary>
    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    public bool SmtpUseTls { get; set; } = true;

    public string? SmtpUserName { get; set; }

    /// <summary>A secret: from configuration or the environment, never logged.</summary>
    public string? SmtpPassword { get; set; }
}
