using System.Net;
using System.Net.Http.Json;

namespace Transcripts.Api.Tests.Features.SigningKeys;

/// <summary>The key type is the name the README gives, <c>P-256</c>; the older spelling <c>P256</c> keeps working.</summary>
public sealed class KeyTypeNameTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("P-256")]
    [InlineData("P256")]
    public async Task A_P256_key_is_created_by_either_name_and_signs_with_ecdsa(string keyType)
    {
        var school = await app.SeedInstitutionAsync();
        using var admin = app.CreateClientFor(school.Admin);

        var created = await Seeded.Json(await admin.PostAsJsonAsync("/signing-keys", new { keyType }));
        var settings = await Seeded.Json(await admin.GetAsync("/signing-keys"));

        Assert.Equal("P256", created.GetProperty("keyType").GetString());
        Assert.StartsWith("zDn", created.GetProperty("publicKeyMultibase").GetString());
        Assert.Contains(settings.EnumerateArray(), k => k.GetProperty("id").GetGuid() == created.GetProperty("id").GetGuid() && k.GetProperty("isActive").GetBoolean());
    }

    [Theory]
    [InlineData("p-256")]
    [InlineData("P-384")]
    [InlineData("ed25519")]
    public async Task Other_names_are_refused_with_a_sentence_naming_the_accepted_ones(string keyType)
    {
        var school = await app.SeedInstitutionAsync();
        using var admin = app.CreateClientFor(school.Admin);

        using var response = await admin.PostAsJsonAsync("/signing-keys", new { keyType });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("Ed25519 or P-256", problem.GetProperty("errors").GetProperty("KeyType")[0].GetString(), StringComparison.Ordinal);
    }
}
