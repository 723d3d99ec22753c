using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;

namespace Transcripts.Api.Tests.Features.StatusLists;

/// <summary>
/// Two instances drawing from one nearly full list collide on every retry: each one's reservations are invisible to the
/// other. After a collision on a crowded list the allocator moves to another list; on a roomy list it stays.
/// </summary>
public sealed class CrowdedListTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData(30, false)]
    [InlineData(52, true)]
    public async Task After_a_collision_the_allocator_leaves_a_crowded_list_and_keeps_a_roomy_one(int takenElsewhere, bool leaves)
    {
        var school = await app.SeedInstitutionAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TranscriptsDb>();
        var lists = scope.ServiceProvider.GetRequiredService<StatusListService>();
        var (signer, _) = await scope.ServiceProvider.GetRequiredService<SigningKeyService>().OpenSignerAsync(db, school.Id, app.Clock, default);
        using var owned = signer!;
        await db.SaveChangesAsync();
        // A small list of this institution's, so that "nearly full" takes a few rows; credentials saved by "another instance" go in it.
        var small = lists.Create(signer!, StatusListService.Revocation);
        small.Length = 64;
        await db.SaveChangesAsync();
        using var allocator = new StatusListAllocator(school.Id);

        var first = await allocator.ReserveAsync(db, lists, signer!, 4, default);
        var free = Enumerable.Range(0, 64).Except(first.Select(r => r.Index)).Take(takenElsewhere);
        db.Credentials.AddRange(free.Select(index => new Credential
        {
            InstitutionId = school.Id, Kind = CredentialKind.Achievement, Coverage = "test", SigningKeyId = signer!.Key.Id, Bytes = [],
            Sha256 = $"{index}", IssuedAt = app.Clock.GetUtcNow(), RevocationListId = small.Id, RevocationIndex = index,
        }));
        await db.SaveChangesAsync();
        await allocator.RefreshAsync(db, default);
        var next = await allocator.ReserveAsync(db, lists, signer!, 4, default);

        Assert.All(first, r => Assert.Equal(small.Id, r.ListId));
        Assert.Equal(leaves, StatusListAllocator.Crowded(64, 4 + takenElsewhere));
        Assert.All(next, r => Assert.Equal(leaves, r.ListId != small.Id));
        Assert.DoesNotContain(next, r => r.ListId == small.Id && (first.Contains(r) || free.Contains(r.Index)));
        Assert.True(await db.StatusLists.CountAsync(l => l.InstitutionId == school.Id) == (leaves ? 2 : 1));
    }
}
