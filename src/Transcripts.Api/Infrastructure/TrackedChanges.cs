using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Transcripts.Api.Infrastructure;

/// <summary>What saving would do to a row of an import.</summary>
internal enum ChangeKind
{
    New,
    Updated,
    Unchanged,
}

/// <summary>
/// What the next save would write for one tracked entity, read from EF's change tracker: so an import's preview and the import
/// itself run the same code, and the preview only stops before saving.
/// </summary>
internal static class TrackedChanges
{
    private static readonly HashSet<string> s_bookkeeping = new(StringComparer.Ordinal) { "RowVersion", "UpdatedAt" };

    /// <summary>Added, modified (with the changed properties, in the API's camelCase) or unchanged.</summary>
    public static (ChangeKind Kind, IReadOnlyList<string> Fields) Of(DbContext db, object entity)
    {
        var entry = db.Entry(entity);
        entry.DetectChanges();
        return entry.State switch
        {
            EntityState.Added => (ChangeKind.New, []),
            EntityState.Modified when ChangedFields(entry) is { Count: > 0 } fields => (ChangeKind.Updated, fields),
            _ => (ChangeKind.Unchanged, []),
        };
    }

    private static List<string> ChangedFields(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        [.. entry.Properties.Where(p => p.IsModified && !s_bookkeeping.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue))
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Metadata.Name))];
}
