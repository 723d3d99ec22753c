using Transcripts.Verifier;

return await VerifierCli.RunAsync(args, Console.Out, Console.Error, TimeProvider.System, isTerminal: !Console.IsOutputRedirected);
