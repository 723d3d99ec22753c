namespace Transcripts.Api.Data.Entities;

internal static class Roles
{
    public const string Admin = "admin";
    public const string Registrar = "registrar";
    public const string Assessor = "assessor";
    public const string Learner = "learner";
    /// <summary>The service's operator: creates, lists and suspends institutions; never a role of an institution's key.</summary>
    public const string Operator = "operator";

    /// <summary>The roles of an institution's keys (not <see cref="Operator"/>).</summary>
    public static readonly IReadOnlyList<string> All = [Admin, Registrar, Assessor, Learner];
}
