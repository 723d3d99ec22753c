using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Transcripts.Api.Features.Web;

/// <summary>
/// A feature's request checked against its own data annotations before a page calls the handler directly (the API checks
/// them in its validation filter, which a direct call skips), each message put next to the field of the same name.
/// </summary>
internal static class FeatureRequests
{
    public static bool TryValidate(object request, ModelStateDictionary modelState)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
        {
            return modelState.IsValid;
        }
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                modelState.AddModelError(member, result.ErrorMessage ?? "This is not valid.");
            }
        }
        return false;
    }

    /// <summary>The problem a handler answered, shown inline: its field errors next to their fields, its detail above the form.</summary>
    public static void AddErrors(IResult result, ModelStateDictionary modelState)
    {
        foreach (var (field, messages) in FeatureResults.ErrorsOf(result))
        {
            modelState.AddModelError(field, string.Join(" ", messages));
        }
    }

    /// <summary>Whether the handler refused because someone else changed the record since the form was read.</summary>
    public static bool IsStale(IResult result) =>
        result is Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult p && Infrastructure.Problems.CodeOf(p) == Infrastructure.Problems.Codes.StaleUpdate;
}
