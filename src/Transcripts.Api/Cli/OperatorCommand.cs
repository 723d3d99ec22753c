using System.ComponentModel.DataAnnotations;
using System.CommandLine;
using Microsoft.Extensions.Options;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.Web.People;

namespace Transcripts.Api.Cli;

/// <summary>
/// <c>operator invite EMAIL [--name NAME]</c>: how a person becomes the service's operator. Run on the service's machine (so
/// only who runs the service can make an operator), it prints a single-use invitation link to the web console, valid for
/// <c>Web:InvitationLifetime</c>; only its hash is stored. The person opens it, chooses a password and signs in to
/// <c>/app/operator</c>. <see cref="ExitCodes.Done"/> when made, <see cref="ExitCodes.Usage"/> for a bad or taken address.
/// </summary>
internal static class OperatorCommand
{
    public const string Name = "operator";

    public static Command Create(CliContext context)
    {
        var email = new Argument<string>("email") { Description = "The person's e-mail address, which they sign in with." };
        var name = new Option<string>("--name") { Description = "The person's name, as the pages greet them.", DefaultValueFactory = _ => "Operator" };
        var invite = new Command("invite", "Print a single-use link that makes a person the service's operator in the web console.") { email, name };
        invite.TreatUnmatchedTokensAsErrors = false;
        invite.SetAction((parse, cancellationToken) =>
            InviteAsync(context, AdminCli.Configuration(parse), parse.GetValue(email)!.Trim(), parse.GetValue(name)!.Trim(), cancellationToken));
        return new Command(Name, "People who operate the service.") { invite };
    }

    private static async Task<int> InviteAsync(CliContext context, string[] configuration, string email, string name, CancellationToken cancellationToken)
    {
        if (email.Length > 256 || !new EmailAddressAttribute().IsValid(email))
        {
            await context.Error.WriteLineAsync("EMAIL must be an e-mail address.");
            return ExitCodes.Usage;
        }
        if (name.Length is 0 or > 200)
        {
            await context.Error.WriteLineAsync("--name must be 1 to 200 characters.");
            return ExitCodes.Usage;
        }
        await using var app = context.BuildApp(configuration, new Dictionary<string, string?>());
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await Data.DataModule.MigrateAsync(services, cancellationToken);
        var invitations = services.GetRequiredService<Invitations>();
        if (await invitations.IsTakenAsync(email, cancellationToken))
        {
            await context.Error.WriteLineAsync("An account or a live invitation already has this e-mail address; nothing was made.");
            return ExitCodes.Usage;
        }
        // Made on the service's machine by no key or person: Guid.Empty says so, as the audit event's actor says "system".
        var (invitation, link) = await invitations.AddOperatorAsync(email, name, Guid.Empty,
            services.GetRequiredService<IOptions<SigningOptions>>().Value.PublicBaseUrl, cancellationToken);
        await context.Out.WriteLineAsync($"Open this link to become the service's operator (it works once, until {invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC):");
        await context.Out.WriteLineAsync(link);
        return ExitCodes.Done;
    }
}
