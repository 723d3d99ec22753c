using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Transcripts.Api.Features.Web.Admin;

/// <summary>
/// The admin lists' GET filter forms: ids, kinds and days only, so an address, a history entry or a server log holds no
/// personal data. Days are whole UTC days: <c>from</c> its start, <c>to</c> the end of that day.
/// </summary>
internal static class ListFilters
{
    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static DateTimeOffset? StartOf(DateOnly? day) => day is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    public static DateTimeOffset? EndOf(DateOnly? day) => day is { } d ? new DateTimeOffset(d.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    /// <summary>An id filter is a GUID: a name typed into it is refused (it is in the address already, but matches nothing and is not kept).</summary>
    public static void CheckId(string? value, string field, string what, ModelStateDictionary modelState)
    {
        if (value is not null && !Guid.TryParse(value, out _))
        {
            modelState.AddModelError(field, $"Give the {what}'s id (a GUID such as 0199a3c2-…), not a name.");
        }
    }

    /// <summary>The form field of a feature's error: <c>until</c> and <c>since</c> are the range's days; paging is the page number.</summary>
    public static string FieldOf(string featureField, string pageField, string otherField) => featureField.ToLowerInvariant() switch
    {
        "until" => "To",
        "since" => "From",
        "page" or "pagesize" => pageField,
        _ => otherField,
    };

    public static string Query(params (string Name, string? Value)[] fields) =>
        string.Concat(fields.Where(f => f.Value is not null).Select(f => $"&{f.Name}={UrlEncoder.Default.Encode(f.Value!)}"));
}
