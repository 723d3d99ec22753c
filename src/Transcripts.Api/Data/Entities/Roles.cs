namespace Transcripts.Api.Data.Entities;

internal static class Roles
{
    public const string Admin = "admin";
    public const string Registrar = "registrar";
    public const string Assessor = "assessor";
    public const string Learner = "learner";

    public static readonly IReadOnlyList<string> All = [Admin, Registrar, Assessor, Learner];
}
