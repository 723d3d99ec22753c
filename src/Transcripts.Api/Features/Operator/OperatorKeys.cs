using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Features.ApiKeys;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Operator;

/// <summary>
/// Makes operator keys. The secret is written to <c>{DataDirectory}/operator-key</c>, readable only by the service's user (like
/// the first admin key), never printed and never logged: the first operator key is made on the service's machine, by the
/// <c>operator-key create</c> command or by <c>--demo</c>. An operator who holds one makes, lists and revokes others through the
/// API (<see cref="CreateOperatorKey"/>, <see cref="ListOperatorKeys"/>, <see cref="RevokeOperatorKey"/>).
/// </summary>
internal static partial class OperatorKeys
{
    public const string FileName = "operator-key";

    /// <summary>A new operator key; returns its id, its prefix and the file that holds its secret.</summary>
    public static async Task<(Guid Id, string Prefix, string Path)> CreateAsync(TranscriptsDb db, TimeProvider clock, string dataDirectory,
        string name, ILogger logger, CancellationToken cancellationToken)
    {
        var (secret, key) = ApiKeyAuthentication.NewOperatorKey(name, clock.GetUtcNow());
        db.OperatorKeys.Add(key);
        var path = BootstrapAdminKey.WriteOwnerOnly(dataDirectory, FileName, secret);
        await db.SaveChangesAsync(cancellationToken);
        LogCreated(logger, key.Id);
        return (key.Id, key.Prefix, path);
    }

    /// <summary>For <c>--demo</c>: an operator key unless the database has one already.</summary>
    public static async Task<string?> EnsureAsync(TranscriptsDb db, TimeProvider clock, string dataDirectory, ILogger logger,
        CancellationToken cancellationToken) =>
        await db.OperatorKeys.AnyAsync(cancellationToken) ? null
            : (await CreateAsync(db, clock, dataDirectory, "demo operator key", logger, cancellationToken)).Path;

    [LoggerMessage(LogEvents.OperatorKeyCreated, LogLevel.Information, "Operator key {OperatorKeyId} created")]
    private static partial void LogCreated(ILogger logger, Guid operatorKeyId);
}
