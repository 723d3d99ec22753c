using System.Reflection;
using Microsoft.Extensions.Logging;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Tests.Infrastructure;

/// <summary>Every <c>[LoggerMessage]</c> of the service takes its id from <see cref="LogEvents"/>, and no id is used twice.</summary>
public sealed class LogEventTests
{
    private static List<(string Method, int Id)> LoggerMessages() =>
        typeof(LogEvents).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: $"{m.DeclaringType!.FullName}.{m.Name}", Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .Select(m => (m.Method, m.Attribute!.EventId)).ToList();

    private static List<int> Table() =>
        typeof(LogEvents).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (int)f.GetRawConstantValue()!).ToList();

    [Fact]
    public void No_two_log_messages_share_an_event_id()
    {
        var messages = LoggerMessages();
        var shared = messages.GroupBy(m => m.Id).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}").ToList();

        Assert.True(messages.Count > 25, $"only {messages.Count} [LoggerMessage] methods were found");
        Assert.True(shared.Count == 0, "event ids used twice: " + string.Join("; ", shared));
    }

    [Fact]
    public void Every_log_message_id_is_in_the_table_and_the_table_has_no_id_twice()
    {
        var table = Table();

        Assert.Equal(table.Count, table.Distinct().Count());
        Assert.Empty(LoggerMessages().Where(m => !table.Contains(m.Id)).Select(m => m.Method));
        Assert.Empty(table.Except(LoggerMessages().Select(m => m.Id)));
    }
}
