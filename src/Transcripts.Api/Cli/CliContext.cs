namespace Transcripts.Api.Cli;

/// <summary>What a command may use: the writers it was given, and the service's composition to build what it needs.</summary>
/// <param name="Out">Results and progress.</param>
/// <param name="Error">Errors.</param>
/// <param name="BuildApp">The service's composition root.</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, AppFactory BuildApp);
