using System.Net;
using System.Net.Http.Json;

namespace Transcripts.Api.Tests.Features.Tenancy;

/// <summary>
/// Two service instances on one PostgreSQL database. What one instance learned of a key is trusted for at most
/// <c>ApiKeys:CacheSeconds</c> of the service clock: a key revoked, or an institution suspended, on one instance is refused by
/// the other once that bound has passed. Signing keys are never cached: a key rotated on one is the key the other signs with.
/// </summary>
public sealed class TwoInstanceTests : IDisposable
{
    private const int Bound = 5;
    private readonly FirstInstance _first = new();
    private readonly SecondInstance _second;

    public TwoInstanceTests() => _second = new SecondInstance(_first.Database);

    /// <summary>The instance that creates the shared database (and drops it afterwards).</summary>
    private sealed class FirstInstance() : PostgresApp("transcripts_test_" + Guid.NewGuid().ToString("N"), dropsDatabase: true)
    {
        public string Database => DatabaseName;

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ApiKeys:CacheSeconds", Bound.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private sealed class SecondInstance(string database) : PostgresApp(database, dropsDatabase: false)
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ApiKeys:CacheSeconds", Bound.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [SkippableFact]
    public async Task A_key_revoked_on_one_instance_is_refused_by_the_other_within_the_bound()
    {
        var school = await _first.SeedInstitutionAsync();
        using var adminOnFirst = _first.CreateClientFor(school.Admin);
        var spare = await Seeded.Json(await adminOnFirst.PostAsJsonAsync("/keys", new { name = "spare", role = "registrar" }));
        using var spareOnSecond = _second.CreateClientFor(spare.GetProperty("secret").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await spareOnSecond.GetAsync("/institution")).StatusCode);

        (await adminOnFirst.PostAsync($"/keys/{spare.GetProperty("id").GetGuid()}/revoke", null)).EnsureSuccessStatusCode();
        using var spareOnFirst = _first.CreateClientFor(spare.GetProperty("secret").GetString()!);
        await Problem.AssertAsync(await spareOnFirst.GetAsync("/institution"), HttpStatusCode.Unauthorized, "unauthenticated");
        _second.Clock.Advance(TimeSpan.FromSeconds(Bound));

        await Problem.AssertAsync(await spareOnSecond.GetAsync("/institution"), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [SkippableFact]
    public async Task An_operator_key_revoked_on_one_instance_is_refused_by_the_other_within_the_bound()
    {
        using var operatorOnFirst = _first.CreateClientFor(await _first.OperatorKeyAsync());
        var spare = await Seeded.Json(await operatorOnFirst.PostAsJsonAsync("/operator/keys", new { name = "spare operator" }));
        using var spareOnSecond = _second.CreateClientFor(spare.GetProperty("secret").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await spareOnSecond.GetAsync("/operator/institutions")).StatusCode);

        (await operatorOnFirst.PostAsync($"/operator/keys/{spare.GetProperty("id").GetGuid()}/revoke", null)).EnsureSuccessStatusCode();
        using var spareOnFirst = _first.CreateClientFor(spare.GetProperty("secret").GetString()!);
        await Problem.AssertAsync(await spareOnFirst.GetAsync("/operator/institutions"), HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal(HttpStatusCode.OK, (await spareOnSecond.GetAsync("/operator/institutions")).StatusCode);
        _second.Clock.Advance(TimeSpan.FromSeconds(Bound));

        await Problem.AssertAsync(await spareOnSecond.GetAsync("/operator/institutions"), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [SkippableFact]
    public async Task An_institution_suspended_on_one_instance_is_refused_by_the_other_within_the_bound()
    {
        var school = await _first.SeedInstitutionAsync();
        using var adminOnSecond = _second.CreateClientFor(school.Admin);
        Assert.Equal(HttpStatusCode.OK, (await adminOnSecond.GetAsync("/institution")).StatusCode);
        using var operatorOnFirst = _first.CreateClientFor(await _first.OperatorKeyAsync());

        (await operatorOnFirst.PostAsJsonAsync($"/operator/institutions/{school.Id}/suspend", new { reason = "Contract ended" })).EnsureSuccessStatusCode();
        _second.Clock.Advance(TimeSpan.FromSeconds(Bound));

        await Problem.AssertAsync(await adminOnSecond.GetAsync("/institution"), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [SkippableFact]
    public async Task A_signing_key_rotated_on_one_instance_is_the_one_the_other_signs_with()
    {
        var school = await _first.SeedInstitutionAsync();
        using var adminOnFirst = _first.CreateClientFor(school.Admin);
        using var adminOnSecond = _second.CreateClientFor(school.Admin);
        var first = await Seeded.Json(await adminOnSecond.PostAsJsonAsync("/credentials/issue", Endpoints.VcApiCredential()));

        var rotated = await Seeded.Json(await adminOnFirst.PostAsJsonAsync("/signing-keys", new { keyType = "Ed25519" }));
        var second = await Seeded.Json(await adminOnSecond.PostAsJsonAsync("/credentials/issue", Endpoints.VcApiCredential()));

        var newKey = rotated.GetProperty("publicKeyMultibase").GetString()!;
        Assert.DoesNotContain(newKey, first.ToString());
        Assert.Contains(newKey, second.GetProperty("verifiableCredential").GetProperty("proof").GetProperty("verificationMethod").GetString());
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }
}
