using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;

namespace Transcripts.Api.Tests.Features.StatusLists;

public sealed class StatusListAllocatorTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [SkippableFact]
    public async Task Reserved_indexes_are_unique_skip_what_another_request_took_and_fill_the_list_before_the_next()
    {
        var school = await app.SeedInstitutionAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TranscriptsDb>();
        var lists = services.GetRequiredService<StatusListService>();
        var (signer, _) = await services.GetRequiredService<SigningKeyService>().OpenSignerAsync(db, school.Id, app.Clock, CancellationToken.None);
        using var _ = signer!;
        await db.SaveChangesAsync();
        using var allocator = new StatusListAllocator(school.Id);

        var reserved = await allocator.ReserveAsync(db, lists, signer!, 5, CancellationToken.None);
        var (listId, taken) = reserved[0];
        db.Credentials.Add(new Credential
        {
            InstitutionId = school.Id, Kind = CredentialKind.Submitted, Coverage = "another request", SigningKeyId = signer!.Key.Id, Bytes = [],
            Sha256 = "", IssuedAt = app.Clock.GetUtcNow(), RevocationListId = listId, RevocationIndex = taken,
        });
        await db.SaveChangesAsync();
        await allocator.ReleaseAsync(reserved, CancellationToken.None);
        await allocator.RefreshAsync(db, CancellationToken.None);
        var rest = await allocator.ReserveAsync(db, lists, signer, StatusListService.ListLength - 1, CancellationToken.None);
        var next = await allocator.ReserveAsync(db, lists, signer, 1, CancellationToken.None);

        Assert.Equal(5, reserved.Distinct().Count());
        Assert.All(rest, r => Assert.Equal(listId, r.ListId));
        Assert.DoesNotContain(taken, rest.Select(r => r.Index));
        Assert.Equal(StatusListService.ListLength - 1, rest.Distinct().Count());
        Assert.NotEqual(listId, next[0].ListId);
        Assert.Equal(2, await db.StatusLists.CountAsync(l => l.InstitutionId == school.Id && l.Purpose == StatusListService.Revocation));
    }
}
