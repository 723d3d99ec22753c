namespace Transcripts.Api.Features.Web.Mail;

/// <summary>One plain-text message to one person.</summary>
internal sealed record OutgoingMail(string To, string Subject, string Body);
