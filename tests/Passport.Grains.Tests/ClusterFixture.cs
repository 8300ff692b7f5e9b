using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;
using Passport.Data.Accounts;
using Passport.Data.Consent;
using Passport.Data.Database;
using Passport.Data.JobSeekers;
using Passport.Data.Migrations;
using Passport.Data.Organisations;
using Passport.Data.Pathways;
using Passport.Data.Sprints;
using Passport.Data.Vacancies;
using Passport.Data.Workshops;
using Passport.Grains.Consent;
using Passport.Grains.Sprints;
using Passport.Grains.Tests.Sprints;
using Passport.Domain.Places;
using Passport.Domain.Sectors;
using Passport.Testing;

namespace Passport.Grains.Tests;

/// <summary>
/// One in-process Orleans cluster for all grain tests, writing through to a real (SQLite) database, as the host does.
/// Tests use fresh grain keys, so they never see each other's state.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private TestDatabase _test = default!;

    public InProcessTestCluster Cluster { get; private set; } = default!;

    public PassportDatabase Database { get; private set; } = default!;

    public static SectorCatalog Sectors { get; } = new(new[] { "ict", "logistics", "healthcare" }.Select(id =>
        new Sector(id, new Dictionary<string, string> { ["en"] = id, ["nl"] = id, ["da"] = id, ["nb"] = id })));

    public static PlaceCatalog Places { get; } = new([new Place("eindhoven", "NL", "Eindhoven", 51.4416, 5.4697), new Place("helmond", "NL", "Helmond", 51.4793, 5.657)]);

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The store the session grains use: the real one, with faults a test can put in for one session.</summary>
    public FaultySessionStore Store { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _test = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        Directory.CreateDirectory(Path.GetDirectoryName(_test.SqlitePath)!);
        Database = PassportDatabase.Create(_test.Options());
        new DatabaseMigrator(Database, NullLogger<DatabaseMigrator>.Instance).Migrate();
        Store = new FaultySessionStore(new SprintRepository(Database));

        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddSingleton(Database);
            host.Services.AddSingleton(Sectors);
            host.Services.AddSingleton(Places);
            host.Services.AddSingleton(TimeProvider.System);
            host.Services.AddSingleton<JobSeekerRepository>();
            host.Services.AddSingleton<SprintRepository>();
            host.Services.AddSingleton<ISprintSessionStore>(Store);
            host.Services.AddSingleton<WorkshopRepository>();
            host.Services.AddSingleton<ConsentRepository>();
            host.Services.AddSingleton<OrganisationRepository>();
            host.Services.AddSingleton<PathwayRepository>();
            host.Services.AddSingleton<VacancyRepository>();
            host.Services.AddSingleton(Options.Create(new PrivacyOptions { Controller = "Test municipality" }));
            host.Services.AddSingleton(TestContent.Skills);
            host.Services.AddSingleton(TestContent.Sprints);
            // No cooldown, so a test can replay a sprint at once; no grace, so timed items run out on the dot.
            host.Services.AddSingleton(Options.Create(new SprintOptions { ReplayCooldown = TimeSpan.Zero, TimeLimitGrace = TimeSpan.Zero }));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>A job-seeker account in the database, as sign-up would create it.</summary>
    public Task<Guid> NewJobSeekerAsync() => NewUserAsync(Domain.Accounts.Roles.JobSeeker, null);

    /// <summary>A municipality with one coach; answers both ids.</summary>
    public async Task<(Guid CoachId, Guid OrganisationId)> NewCoachAsync()
    {
        var organisationId = Guid.CreateVersion7();
        await new OrganisationRepository(Database, TimeProvider.System).CreateAsync(
            organisationId, Domain.Organisations.OrganisationKind.Municipality, new Domain.Organisations.OrganisationProfile("Youth Desk", null, null, null, null), isDemo: false);
        return (await NewUserAsync(Domain.Accounts.Roles.Coach, organisationId), organisationId);
    }

    private async Task<Guid> NewUserAsync(string role, Guid? organisationId)
    {
        var email = $"grain-{Guid.NewGuid():N}@example.org";
        var user = new PassportUser { Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = "Sam", Language = "en", OrganisationId = organisationId };
        user.Roles.Add(role);
        using var store = new UserStore(Database, TimeProvider.System);
        await store.CreateAsync(user, CancellationToken.None);
        return user.Id;
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Store.Dispose();
        await Database.DisposeAsync();
        await _test.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Cluster";
}
