namespace Transcripts.Api.Cli;

/// <summary>
/// Builds the service as <c>Program</c> composes it, from configuration arguments (<c>--Section:Key value</c>) and settings
/// that override them; a command uses its services without starting it.
/// </summary>
internal delegate WebApplication AppFactory(string[] configurationArgs, IReadOnlyDictionary<string, string?> overrides);
