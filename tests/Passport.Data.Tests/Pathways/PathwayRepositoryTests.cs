using Passport.Data.Organisations;
using Passport.Data.Pathways;
using Passport.Data.Tests.Database;
using Passport.Domain.Organisations;

namespace Passport.Data.Tests.Pathways;

public abstract class PathwayRepositoryTests(DatabaseFixture fixture)
{
    private readonly PathwayRepository _repository = new(fixture.Database);

    private async Task<Guid> NewProviderAsync()
    {
        var id = Guid.CreateVersion7();
        await new OrganisationRepository(fixture.Database, fixture.Time).CreateAsync(
            id, OrganisationKind.EducationProvider, new OrganisationProfile($"College {id:N}", "education", "Utrecht", null, null), isDemo: false);
        return id;
    }

    private StoredPathway NewPathway(Guid organisationId, string status = "Draft", string title = "Care assistant")
    {
        var id = Guid.CreateVersion7();
        var now = fixture.Time.GetUtcNow();
        return new StoredPathway(
            new PathwayRow
            {
                Id = id, OrganisationId = organisationId, Title = title, Place = "Utrecht", Latitude = 52.0907, Longitude = 5.1214,
                Capacity = 25, Status = status, CreatedAt = now, UpdatedAt = now,
            },
            [
                new PathwayModuleRow { PathwayId = id, Position = 0, Title = "Basic care", Weeks = 4 },
                new PathwayModuleRow { PathwayId = id, Position = 1, Title = "Work placement", Weeks = 10 },
            ],
            [new PathwayRequirementRow { PathwayId = id, Position = 0, SkillId = "empathy", MinimumLevel = 2 }],
            [
                new PathwayGainRow { PathwayId = id, Position = 0, SkillId = "empathy", ExpectedGain = 1.5 },
                new PathwayGainRow { PathwayId = id, Position = 1, SkillId = "teamwork", ExpectedGain = 0.5 },
            ]);
    }

    [Fact]
    public async Task CreateAsync_ThenGet_ReadsEveryColumnAndChildBack()
    {
        var providerId = await NewProviderAsync();
        var pathway = NewPathway(providerId);

        Assert.True(await _repository.CreateAsync(pathway));
        var found = await _repository.GetAsync(pathway.Pathway.Id);

        Assert.NotNull(found);
        var row = found.Pathway;
        Assert.Equal((pathway.Pathway.Id, providerId, "Care assistant", "Utrecht", 52.0907, 5.1214, 25, "Draft"),
            (row.Id, row.OrganisationId, row.Title, row.Place, row.Latitude, row.Longitude, row.Capacity, row.Status));
        Assert.Equal($"College {providerId:N}", row.OrganisationName);
        Assert.Equal(pathway.Pathway.CreatedAt, row.CreatedAt);
        Assert.Equal([("Basic care", 4), ("Work placement", 10)], found.Modules.Select(module => (module.Title, module.Weeks)));
        Assert.Equal([("empathy", 2)], found.EntryRequirements.Select(requirement => (requirement.SkillId, requirement.MinimumLevel)));
        Assert.Equal([("empathy", 1.5), ("teamwork", 0.5)], found.Gains.Select(gain => (gain.SkillId, gain.ExpectedGain)));
    }

    [Fact]
    public async Task CreateAsync_SameIdTwice_KeepsTheFirst()
    {
        var pathway = NewPathway(await NewProviderAsync());
        await _repository.CreateAsync(pathway);

        var again = await _repository.CreateAsync(pathway with { Pathway = new PathwayRow
        {
            Id = pathway.Pathway.Id, OrganisationId = pathway.Pathway.OrganisationId, Title = "Other", Place = "X", Capacity = 1, Status = "Draft",
        } });

        Assert.False(again);
        var found = await _repository.GetAsync(pathway.Pathway.Id);
        Assert.Equal("Care assistant", found!.Pathway.Title);
        Assert.Equal(2, found.Modules.Count);
    }

    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNull() => Assert.Null(await _repository.GetAsync(Guid.CreateVersion7()));

    [Fact]
    public async Task UpdateAsync_ReplacesContentAndChildrenButKeepsProviderAndStatus()
    {
        var pathway = NewPathway(await NewProviderAsync(), status: "Open");
        await _repository.CreateAsync(pathway);
        var id = pathway.Pathway.Id;
        fixture.Time.Advance(TimeSpan.FromMinutes(3));

        var edited = new StoredPathway(
            new PathwayRow
            {
                Id = id, OrganisationId = Guid.CreateVersion7(), Title = "Home care", Place = "Amersfoort", Latitude = 52.15, Longitude = 5.38,
                Capacity = 12, Status = "Draft", CreatedAt = fixture.Time.GetUtcNow(), UpdatedAt = fixture.Time.GetUtcNow(),
            },
            [new PathwayModuleRow { PathwayId = id, Position = 0, Title = "Round planning", Weeks = 2 }],
            [],
            [new PathwayGainRow { PathwayId = id, Position = 0, SkillId = "planning", ExpectedGain = 2 }]);
        Assert.True(await _repository.UpdateAsync(edited));
        var found = (await _repository.GetAsync(id))!;

        Assert.Equal(("Home care", "Amersfoort", 52.15, 5.38, 12), (found.Pathway.Title, found.Pathway.Place, found.Pathway.Latitude, found.Pathway.Longitude, found.Pathway.Capacity));
        Assert.Equal(pathway.Pathway.OrganisationId, found.Pathway.OrganisationId);
        Assert.Equal("Open", found.Pathway.Status);
        Assert.Equal(pathway.Pathway.CreatedAt, found.Pathway.CreatedAt);
        Assert.Equal(fixture.Time.GetUtcNow(), found.Pathway.UpdatedAt);
        Assert.Equal(["Round planning"], found.Modules.Select(module => module.Title));
        Assert.Empty(found.EntryRequirements);
        Assert.Equal([("planning", 2.0)], found.Gains.Select(gain => (gain.SkillId, gain.ExpectedGain)));
    }

    [Fact]
    public async Task UpdateAsync_Closed_ChangesNothing()
    {
        var pathway = NewPathway(await NewProviderAsync(), status: "Closed");
        await _repository.CreateAsync(pathway);
        var edited = NewPathway(pathway.Pathway.OrganisationId, title: "Changed");
        edited.Pathway.Id = pathway.Pathway.Id;

        Assert.False(await _repository.UpdateAsync(edited with { Modules = [], Gains = [] }));
        var found = (await _repository.GetAsync(pathway.Pathway.Id))!;
        Assert.Equal("Care assistant", found.Pathway.Title);
        Assert.Equal(2, found.Modules.Count);
    }

    [Fact]
    public async Task UpdateStatusAsync_OnlyFromTheExpectedStatus()
    {
        var pathway = NewPathway(await NewProviderAsync());
        await _repository.CreateAsync(pathway);
        var id = pathway.Pathway.Id;

        Assert.True(await _repository.UpdateStatusAsync(id, "Draft", "Open", fixture.Time.GetUtcNow()));
        Assert.False(await _repository.UpdateStatusAsync(id, "Draft", "Closed", fixture.Time.GetUtcNow()));

        Assert.Equal("Open", (await _repository.GetAsync(id))!.Pathway.Status);
    }

    [Fact]
    public async Task ListOfOrganisationAsync_OnlyThatProvidersPathways()
    {
        var mine = await NewProviderAsync();
        var theirs = await NewProviderAsync();
        await _repository.CreateAsync(NewPathway(mine, title: "First"));
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await _repository.CreateAsync(NewPathway(mine, status: "Closed", title: "Second"));
        await _repository.CreateAsync(NewPathway(theirs));

        var listed = await _repository.ListOfOrganisationAsync(mine);

        Assert.Equal(["Second", "First"], listed.Select(pathway => pathway.Pathway.Title));
        Assert.All(listed, pathway => Assert.Equal(2, pathway.Modules.Count));
    }

    [Fact]
    public async Task ListPublishedAsync_OpenAndFullOnly()
    {
        var provider = await NewProviderAsync();
        var statuses = new[] { "Draft", "Open", "Full", "Closed" };
        var pathways = statuses.Select(status => NewPathway(provider, status, title: $"{status} {provider:N}")).ToList();
        foreach (var pathway in pathways)
        {
            await _repository.CreateAsync(pathway);
        }

        var listed = (await _repository.ListPublishedAsync()).Where(pathway => pathway.Pathway.OrganisationId == provider).ToList();

        Assert.Equal(["Full", "Open"], listed.Select(pathway => pathway.Pathway.Status).Order());
        Assert.All(listed, pathway => Assert.Equal(2, pathway.Gains.Count));
    }
}

public sealed class SqlitePathwayRepositoryTests(SqliteFixture fixture) : PathwayRepositoryTests(fixture), IClassFixture<SqliteFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresPathwayRepositoryTests(PostgresFixture fixture) : PathwayRepositoryTests(fixture), IClassFixture<PostgresFixture>;
