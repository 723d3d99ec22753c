namespace Transcripts.Api.Tests.Features.Web;

/// <summary>
/// Every page of the web interface, with the roles that may open it; the page role matrix is driven from this table and a test
/// compares it with the real route table, so a new page cannot escape the matrix.
/// </summary>
public static class WebPages
{
    public sealed record WebPage(string Route, Func<Seeded, string> Path, string[] Roles);

    private static readonly string[] s_all = ["admin", "registrar", "assessor", "learner"];
    private static readonly string[] s_learner = ["learner"];
    private static readonly string[] s_registrar = ["admin", "registrar"];
    private static readonly string[] s_staff = ["admin", "registrar", "assessor"];
    private static readonly string[] s_admin = ["admin"];
    private static readonly string[] s_operator = ["operator"];
    private static readonly string[] s_everyone = [.. s_all, "operator"];

    /// <summary>Pages anyone may open: signing in and accepting an invitation.</summary>
    public static readonly string[] Anonymous = ["app/sign-in", "app/invitation"];

    /// <summary>Signing out: a POST of any signed-in person (its GET sends a signed-in person home).</summary>
    public const string SignOut = "app/sign-out";

    /// <summary><see cref="Seeded.CreateAsync"/> plus a finished batch (written directly, so nothing keeps issuing), for the batch page.</summary>
    public static async Task<Seeded> SeedAsync(TranscriptsApp app)
    {
        var seeded = await Seeded.CreateAsync(app);
        var batch = await app.WithDbAsync(async db =>
        {
            var row = new global::Transcripts.Api.Data.Entities.Batch
            {
                InstitutionId = seeded.School.Id, CreatedByKeyId = Guid.Empty, CreatedAt = app.Clock.GetUtcNow(), FinishedAt = app.Clock.GetUtcNow(),
            };
            db.Batches.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        return seeded with { BatchId = batch };
    }

    public static readonly WebPage[] All =
    [
        new("app", _ => "/app", s_everyone),
        new("app/account", _ => "/app/account", s_everyone),
        new("app/my/record", _ => "/app/my/record", s_learner),
        new("app/my/attainments/{id:guid}", s => $"/app/my/attainments/{s.AttainmentId}", s_learner),
        new("app/my/share", _ => "/app/my/share", s_learner),
        new("app/my/links", _ => "/app/my/links", s_learner),
        new("app/my/disclosures", _ => "/app/my/disclosures", s_learner),
        new("app/people/invite", _ => "/app/people/invite", s_registrar),
        new("app/registrar", _ => "/app/registrar", s_registrar),
        new("app/registrar/learners", _ => "/app/registrar/learners", s_registrar),
        new("app/registrar/learners/{id:guid}", s => $"/app/registrar/learners/{s.School.LearnerA}", s_registrar),
        new("app/registrar/attainments/{id:guid}", s => $"/app/registrar/attainments/{s.AttainmentId}", s_registrar),
        new("app/registrar/credentials/{id:guid}", s => $"/app/registrar/credentials/{s.CredentialId}", s_registrar),
        new("app/registrar/batches/{id:guid}", s => $"/app/registrar/batches/{s.BatchId}", s_registrar),
        new("app/import/learners", _ => "/app/import/learners", s_registrar),
        new("app/import/framework", _ => "/app/import/framework", s_registrar),
        new("app/assess", _ => "/app/assess", s_staff),
        new("app/assess/learners/{id:guid}", s => $"/app/assess/learners/{s.School.LearnerA}", s_staff),
        new("app/admin/keys", _ => "/app/admin/keys", s_admin),
        new("app/admin/api-keys", _ => "/app/admin/api-keys", s_admin),
        new("app/admin/audit", _ => "/app/admin/audit", s_admin),
        new("app/admin/disclosures", _ => "/app/admin/disclosures", s_admin),
        new("app/operator", _ => "/app/operator", s_operator),
        new("app/operator/institutions/{id:guid}", s => $"/app/operator/institutions/{s.School.Id}", s_operator),
        new("app/operator/keys", _ => "/app/operator/keys", s_operator),
    ];
}
