using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Data;

/// <summary>
/// The records database. Provider-neutral: <see cref="SqliteTranscriptsDb"/> and <see cref="PostgresTranscriptsDb"/>
/// each own a migration set. Every save bumps the concurrency token of updated rows and appends one
/// hash-chained <see cref="AuditEvent"/> per written row, in the same transaction. Saves that write rows take turns: one at
/// a time in this process, and on PostgreSQL one at a time across every instance sharing the database (a transaction-scoped
/// advisory lock), so two instances never claim the same link of the chain. It is also ASP.NET Core Identity's store for
/// the people who sign in to the web pages (<see cref="Person"/>, with passkeys: Identity's schema version 3).
/// </summary>
internal abstract class TranscriptsDb(DbContextOptions options, AuditContext audit) : IdentityUserContext<Person, Guid>(options)
{
    // One writer of the chain at a time in this process, so two saves never claim the same link. Other processes are held
    // off by LockAcrossInstancesAsync (PostgreSQL), and finally by the unique index on Sequence.
    private static readonly SemaphoreSlim s_auditLock = new(1, 1);

    // Set while this context holds the write turn through BeginLockedWriteAsync: its saves do not wait for it again.
    private bool _holdsWriteTurn;

    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<OperatorKey> OperatorKeys => Set<OperatorKey>();
    public DbSet<Framework> Frameworks => Set<Framework>();
    public DbSet<Competency> Competencies => Set<Competency>();
    public DbSet<MasteryRule> MasteryRules => Set<MasteryRule>();
    public DbSet<ProficiencyScale> Scales => Set<ProficiencyScale>();
    public DbSet<Level> Levels => Set<Level>();
    public DbSet<Learner> Learners => Set<Learner>();
    public DbSet<LearnerIdentifier> LearnerIdentifiers => Set<LearnerIdentifier>();
    public DbSet<LearnerGoal> LearnerGoals => Set<LearnerGoal>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<Attainment> Attainments => Set<Attainment>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Disclosure> Disclosures => Set<Disclosure>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<IssuerSettings> IssuerSettings => Set<IssuerSettings>();
    public DbSet<Credential> Credentials => Set<Credential>();
    public DbSet<StatusList> StatusLists => Set<StatusList>();
    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();
    public DbSet<CredentialPolicy> CredentialPolicies => Set<CredentialPolicy>();
    public DbSet<Batch> Batches => Set<Batch>();
    public DbSet<BatchItem> BatchItems => Set<BatchItem>();
    public DbSet<Invitation> Invitations => Set<Invitation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Identity reads its schema version from the application's IdentityOptions: version 3 (passkeys), set by the web pages'
        // registration and, for migrations, by the design-time factories (DesignTimeServices).
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TranscriptsDb).Assembly,
            t => t.Namespace == typeof(Configurations.InstitutionConfiguration).Namespace);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: every save appends to the audit chain.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var written = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                        && e.Entity is not AuditEvent and not Disclosure
                        // Identity's own rows (claims, logins, tokens, passkeys) have no single id; the account row is audited.
                        and not IdentityUserClaim<Guid> and not IdentityUserLogin<Guid> and not IdentityUserToken<Guid>
                        and not IdentityUserPasskey<Guid> and not IdentityPasskeyData)
            .ToList();
        foreach (var entry in written.Where(e => e.State == EntityState.Modified && e.Entity is IVersioned))
        {
            var version = entry.Property(nameof(IVersioned.RowVersion));
            version.CurrentValue = (int)version.OriginalValue! + 1;
        }
        var disclosed = audit.Key is null ? [] : ChangeTracker.Entries<Disclosure>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (written.Count == 0 && disclosed.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (_holdsWriteTurn)
        {
            return await AppendAndSaveAsync(written, disclosed, acceptAllChangesOnSuccess, takeTurn: false, cancellationToken);
        }
        await s_auditLock.WaitAsync(cancellationToken);
        try
        {
            if (!UsesWriteLockAcrossInstances || Database.CurrentTransaction is not null)
            {
                return await AppendAndSaveAsync(written, disclosed, acceptAllChangesOnSuccess, takeTurn: true, cancellationToken);
            }
            await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
            var saved = await AppendAndSaveAsync(written, disclosed, acceptAllChangesOnSuccess, takeTurn: true, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return saved;
        }
        finally
        {
            s_auditLock.Release();
        }
    }

    /// <summary>
    /// Takes the write turn (this process's, and on PostgreSQL the cluster's) and opens a transaction, so a check and the
    /// save it guards are one step no other writer can come between: reads made after this call see every committed write,
    /// and nothing else is written until the turn is given back (commit, or dispose to roll back). Keep it short.
    /// </summary>
    public async Task<LockedWrite> BeginLockedWriteAsync(CancellationToken cancellationToken)
    {
        await s_auditLock.WaitAsync(cancellationToken);
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction = null;
        var taken = false;
        try
        {
            transaction = await Database.BeginTransactionAsync(cancellationToken);
            await LockAcrossInstancesAsync(cancellationToken);
            taken = true;
            _holdsWriteTurn = true;
            return new LockedWrite(this, transaction);
        }
        finally
        {
            if (!taken)
            {
                if (transaction is not null)
                {
                    await transaction.DisposeAsync();
                }
                s_auditLock.Release();
            }
        }
    }

    /// <summary>A write turn from <see cref="BeginLockedWriteAsync"/>: commit it, or dispose it to roll back; either gives the turn back.</summary>
    internal sealed class LockedWrite(TranscriptsDb db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction) : IAsyncDisposable
    {
        private bool _released;

        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            if (_released)
            {
                return;
            }
            _released = true;
            await transaction.DisposeAsync();
            db._holdsWriteTurn = false;
            s_auditLock.Release();
        }
    }

    /// <summary>Whether other processes may write the same database, so saves must take a lock the database holds.</summary>
    protected virtual bool UsesWriteLockAcrossInstances => false;

    /// <summary>Inside the current transaction, waits until no other instance holds the write turn (PostgreSQL); else nothing.</summary>
    protected virtual Task LockAcrossInstancesAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Inside the current transaction, takes the write turn across instances and then reads the chains' heads: the global
    /// chain's last event and the last link of each keyed chain named. PostgreSQL sends both as one batch (one round trip
    /// under the lock instead of three); the heads are read by a statement after the lock's, so they see every write
    /// committed before this turn.
    /// </summary>
    protected virtual async Task<AuditHeads> LockAndReadHeadsAsync(IReadOnlyCollection<AuditLinks.Chain> chains, CancellationToken cancellationToken)
    {
        await LockAcrossInstancesAsync(cancellationToken);
        return await ReadHeadsAsync(chains, cancellationToken);
    }

    private async Task<AuditHeads> ReadHeadsAsync(IReadOnlyCollection<AuditLinks.Chain> chains, CancellationToken cancellationToken)
    {
        var last = await AuditEvents.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(cancellationToken);
        var links = new Dictionary<AuditLinks.Chain, AuditLinks.Head>();
        foreach (var chain in chains)
        {
            links[chain] = await AuditLinks.ReadLastAsync(this, chain, cancellationToken);
        }
        return new AuditHeads(last?.Sequence ?? 0, last?.Hash ?? AuditChain.Genesis, links);
    }

    private async Task<int> AppendAndSaveAsync(List<EntityEntry> written, List<Disclosure> disclosed, bool acceptAllChangesOnSuccess,
        bool takeTurn, CancellationToken cancellationToken)
    {
        var institutions = written.Select(e => InstitutionOf(e) ?? audit.InstitutionId).ToList();
        AuditLinks.Chain[] chains = audit.Key is null ? [] :
            [.. institutions.Select(i => new AuditLinks.Chain(AuditLinks.EventKind, i)).Concat(disclosed.Select(d => new AuditLinks.Chain(AuditLinks.DisclosureKind, d.InstitutionId))).Distinct()];
        var heads = takeTurn ? await LockAndReadHeadsAsync(chains, cancellationToken) : await ReadHeadsAsync(chains, cancellationToken);
        var sequence = heads.Sequence;
        var previous = heads.Hash;
        var at = AuditChain.Truncate(audit.Clock.GetUtcNow());
        var links = audit.Key is { } key ? new AuditLinks(key, heads.Links) : null;
        foreach (var disclosure in disclosed)
        {
            links!.Link(disclosure);
        }
        for (var i = 0; i < written.Count; i++)
        {
            var entry = written[i];
            var auditEvent = AuditChain.Link(++sequence, previous, at, audit.Actor, ActionOf(entry.State),
                entry.Metadata.ClrType.Name, Convert.ToString(entry.Property("Id").CurrentValue, System.Globalization.CultureInfo.InvariantCulture)!,
                institutions[i], AuditChain.StateHashOf(entry));
            links?.Link(auditEvent);
            AuditEvents.Add(auditEvent);
            previous = auditEvent.Hash;
        }
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private static string ActionOf(EntityState state) => state switch
    {
        EntityState.Added => "created",
        EntityState.Deleted => "deleted",
        _ => "updated",
    };

    // An institution's own row is in its own chain, whoever writes it (the operator who created or suspended it included).
    private static Guid? InstitutionOf(EntityEntry entry) => entry.Entity is Institution institution ? institution.Id :
        entry.Metadata.FindProperty("InstitutionId") is not null ? entry.Property("InstitutionId").CurrentValue as Guid? : null;
}

/// <summary>The heads a save appends after: the global chain's last sequence and hash, and the last link of each keyed chain it writes to.</summary>
internal sealed record AuditHeads(long Sequence, string Hash, IReadOnlyDictionary<AuditLinks.Chain, AuditLinks.Head> Links);
