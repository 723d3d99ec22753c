using Spectre.Console;

namespace Transcripts.Verifier.Output;

/// <summary>Spectre.Console over the injected writer for the short tables of <c>trust</c> and <c>status</c>: plain ASCII and no colour unless it is a terminal.</summary>
internal static class SpectreTables
{
    public static IAnsiConsole CreateConsole(TextWriter writer, bool isTerminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Capabilities.Unicode = isTerminal;
        if (!isTerminal)
        {
            console.Profile.Width = TextReport.FileWidth;
        }
        return console;
    }

    /// <summary>A table with box drawing on a terminal and plain ASCII elsewhere (files, e-mail, logs).</summary>
    public static Table NewTable(IAnsiConsole console) =>
        new Table().Border(console.Profile.Capabilities.Unicode ? TableBorder.Rounded : TableBorder.Ascii);
}
