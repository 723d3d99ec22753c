using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Data;

/// <summary>
/// The records database. Provider-neutral: <see cref="SqliteTranscriptsDb"/> and <see cref="PostgresTranscriptsDb"/>
/// each own a migration set. Every save bumps the concurrency token of updated rows and appends one
/// hash-chained <see cref="AuditEvent"/> per written row, in the same transaction. It is also ASP.NET Core Identity's store for
/// the people who sign in to the web pages (<see cref="Person"/>, with passkeys: Identity's schema version 3).
/// </summary>
internal abstract class TranscriptsDb(DbContextOptions options, AuditContext audit) : IdentityUserContext<Person, Guid>(options)
{
    // One writer of the chain at a time in this process, so two saves never claim the same link.
    // A second process (PostgreSQL deployments) is stopped by the unique index on Sequence instead.
    private static readonly SemaphoreSlim s_auditLock = new(1, 1);

    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
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
                        and not IdentityUserPasskey<Guid>)
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

        await s_auditLock.WaitAsync(cancellationToken);
        try
        {
            var last = await AuditEvents.AsNoTracking().OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(cancellationToken);
            var sequence = last?.Sequence ?? 0;
            var previous = last?.Hash ?? AuditChain.Genesis;
            var at = AuditChain.Truncate(audit.Clock.GetUtcNow());
            var links = audit.Key is { } key ? new AuditLinks(this, key) : null;
            foreach (var disclosure in disclosed)
            {
                await links!.LinkAsync(disclosure, cancellationToken);
            }
            foreach (var entry in written)
            {
                var auditEvent = AuditChain.Link(++sequence, previous, at, audit.Actor, ActionOf(entry.State),
                    entry.Metadata.ClrType.Name, Convert.ToString(entry.Property("Id").CurrentValue, System.Globalization.CultureInfo.InvariantCulture)!,
                    InstitutionOf(entry) ?? audit.InstitutionId, AuditChain.StateHashOf(entry));
                if (links is not null)
                {
                    await links.LinkAsync(auditEvent, cancellationToken);
                }
                AuditEvents.Add(auditEvent);
                previous = auditEvent.Hash;
            }
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            s_auditLock.Release();
        }
    }

    private static string ActionOf(EntityState state) => state switch
    {
        EntityState.Added => "created",
        EntityState.Deleted => "deleted",
        _ => "updated",
    };

    private static Guid? InstitutionOf(EntityEntry entry) =>
        entry.Metadata.FindProperty("InstitutionId") is not null ? entry.Property("InstitutionId").CurrentValue as Guid? : null;
}
