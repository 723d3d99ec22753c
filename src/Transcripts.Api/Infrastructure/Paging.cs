using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace Transcripts.Api.Infrastructure;

/// <summary>One page of a list: <c>?page=1&amp;pageSize=50</c>, at most <see cref="MaxPageSize"/> a page and <see cref="Paging.MaxPage"/> pages.</summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

internal static class Paging
{
    public const int MaxPageSize = 200;

    /// <summary>The last page number accepted: (page − 1) × size stays far inside an int, whatever the size.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>Validates page and size; null when valid, else the errors for a 400.</summary>
    public static Dictionary<string, string[]>? Validate(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1 or > MaxPage)
        {
            errors["page"] = [$"page is between 1 and {MaxPage}."];
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize is between 1 and {MaxPageSize}."];
        }
        return errors.Count == 0 ? null : errors;
    }

    public static async Task<Page<TOut>> ToPageAsync<TIn, TOut>(this IQueryable<TIn> ordered, int? page, int? pageSize,
        Func<TIn, TOut> map, CancellationToken cancellationToken)
    {
        var number = page ?? 1;
        var size = pageSize ?? 50;
        var total = await ordered.CountAsync(cancellationToken);
        var items = await ordered.Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Page<TOut>(items.Select(map).ToList(), number, size, total);
    }
}
