using System.CommandLine;
using Spectre.Console;
using Transcripts.Verifier.Inputs;
using Transcripts.Verifier.Output;

namespace Transcripts.Verifier.Commands;

/// <summary><c>trust add FILE</c>, <c>trust list</c>, <c>trust remove DID</c>: the institutions whose credentials you accept.</summary>
internal static class TrustCommand
{
    private const int MaxFileBytes = TrustStore.TrustStore.MaxFileBytes;

    public static Command Create(CliEnvironment env)
    {
        var file = new Argument<string>("FILE") { Description = "A trust bundle exported by an institution, or its DID document." };
        var did = new Argument<string>("DID") { Description = "The DID of the institution to remove." };
        var store = CliEnvironment.TrustStoreOption();
        var replace = new Option<bool>("--replace") { Description = "Replace the entry of an institution already trusted (after reading what changes)." };

        var add = new Command("add", "Trust an institution: import its trust bundle or DID document.") { file, store, replace };
        add.SetAction(parse => Guarded(env, () => Add(parse.GetValue(file)!, parse.GetValue(store), parse.GetValue(replace), env)));
        var list = new Command("list", "List the trusted institutions and the store's folder.") { store };
        list.SetAction(parse => Guarded(env, () => List(parse.GetValue(store), env)));
        var remove = new Command("remove", "Stop trusting an institution.") { did, store };
        remove.SetAction(parse => Guarded(env, () => Remove(parse.GetValue(did)!, parse.GetValue(store), env)));

        return new Command("trust", "Manage the institutions you trust.") { add, list, remove };
    }

    private static int Add(string path, string? folder, bool replace, CliEnvironment env)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InputException($"There is no file {path}.");
        }
        if (info.Length > MaxFileBytes)
        {
            throw new InputException($"{path} is larger than {MaxFileBytes:N0} bytes, too large for a trust bundle.");
        }
        var store = CliEnvironment.OpenStore(folder);
        var issuer = TrustStore.TrustedIssuer.FromFile(File.ReadAllBytes(path));
        // Never silently: a replaced entry can swap an institution's keys, so the office sees what changes and says so.
        var current = store.FindEntryOf(issuer);
        if (current is not null)
        {
            var changes = TrustStore.TrustDiff.Describe(current, issuer);
            if (changes.Count == 0)
            {
                env.Out.WriteLine($"{issuer.Name ?? issuer.Did} ({issuer.Did}) is already trusted with exactly this bundle; nothing changed.");
                return ExitCodes.Valid;
            }
            var writer = replace ? env.Out : env.Error;
            writer.WriteLine($"{current.Name ?? current.Did} ({current.Did}) is already in your trust store. Replacing it would change:");
            foreach (var line in changes)
            {
                writer.WriteLine("  " + line);
            }
            if (!replace)
            {
                writer.WriteLine("Nothing was changed. Check these changes with the institution, then run `transcripts-verify trust add FILE --replace`.");
                return ExitCodes.Usage;
            }
        }
        foreach (var problem in issuer.Bundle.Problems)
        {
            env.Error.WriteLine("Warning: " + problem);
        }
        store.Save(issuer, replacesDid: current?.Did);
        env.Out.WriteLine($"Trusted {issuer.Name ?? issuer.Did} ({issuer.Did}), with {issuer.Institution.Keys.Count} key(s) and {issuer.StatusListUrls.Count} status list(s).");
        if (issuer.StatusListUrls.Count > 0)
        {
            env.Out.WriteLine("Run `transcripts-verify status refresh` while online to fetch its status lists.");
        }
        return ExitCodes.Valid;
    }

    private static int List(string? folder, CliEnvironment env)
    {
        var store = CliEnvironment.OpenStore(folder);
        var issuers = store.List();
        var console = SpectreTables.CreateConsole(env.Out, env.IsTerminal);
        console.WriteLine($"Trust store: {store.Folder}");
        if (issuers.Count == 0)
        {
            console.WriteLine("No institutions are trusted yet; add one with `transcripts-verify trust add FILE`.");
            return ExitCodes.Valid;
        }
        var table = SpectreTables.NewTable(console).AddColumn("Institution").AddColumn("DID").AddColumn("Keys").AddColumn("Status lists");
        foreach (var issuer in issuers)
        {
            table.AddRow(new Text(issuer.Name ?? "—"), new Text(issuer.Did), new Text(string.Join("\n", issuer.Institution.Keys.Select(TrustStore.TrustDiff.Show))),
                         new Text(issuer.StatusListUrls.Count == 0 ? "—" : string.Join("\n", issuer.StatusListUrls)));
        }
        console.Write(table);
        return ExitCodes.Valid;
    }

    private static int Remove(string did, string? folder, CliEnvironment env)
    {
        if (CliEnvironment.OpenStore(folder).Remove(did))
        {
            env.Out.WriteLine($"{did} is no longer trusted.");
            return ExitCodes.Valid;
        }
        env.Error.WriteLine($"{did} is not in the trust store; `transcripts-verify trust list` shows what is.");
        return ExitCodes.Usage;
    }

    /// <summary>An input problem is the user's to fix: one sentence and exit code 2.</summary>
    internal static int Guarded(CliEnvironment env, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (InputException e)
        {
            env.Error.WriteLine(e.Message);
            return ExitCodes.Usage;
        }
    }
}
