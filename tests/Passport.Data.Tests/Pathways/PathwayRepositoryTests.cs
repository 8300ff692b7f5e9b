using Passport.Data.Accounts;
using Passport.Data.Database;
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

    [Fact]
    public async Task Dates_StoredAndChanged_ReadBackAsDatesOrNone()
    {
        var pathway = NewPathway(await NewProviderAsync());
        pathway.Pathway.StartsOn = new DateOnly(2027, 2, 1);
        pathway.Pathway.EndsOn = new DateOnly(2027, 6, 30);

        Assert.True(await _repository.CreateAsync(pathway));
        var created = (await _repository.GetAsync(pathway.Pathway.Id))!.Pathway;
        pathway.Pathway.EndsOn = null;
        Assert.True(await _repository.UpdateAsync(pathway));
        var updated = (await _repository.GetAsync(pathway.Pathway.Id))!.Pathway;

        Assert.Equal((new DateOnly(2027, 2, 1), new DateOnly(2027, 6, 30)), (created.StartsOn, created.EndsOn));
        Assert.Equal((new DateOnly(2027, 2, 1), (DateOnly?)null), (updated.StartsOn, updated.EndsOn));
    }

    [Fact]
    public async Task Questions_OfTwoPeople_ListedPerPathwayPerPersonAndCounted()
    {
        var providerId = await NewProviderAsync();
        var pathway = NewPathway(providerId, "Open");
        Assert.True(await _repository.CreateAsync(pathway));
        var questions = new PathwayQuestionRepository(fixture.Database);
        using var users = new UserStore(fixture.Database, fixture.Time);
        var people = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var email = $"q-{Guid.NewGuid():N}@example.org";
            var user = new PassportUser { Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = "Asker", Language = "en" };
            await users.CreateAsync(user, CancellationToken.None);
            people.Add(user.Id);
        }

        var asked = fixture.Time.GetUtcNow();
        foreach (var (person, minutes) in new[] { (people[0], 0), (people[1], 1), (people[0], 2) })
        {
            await questions.AddAsync(new PathwayQuestionRow
            {
                Id = Guid.CreateVersion7(), PathwayId = pathway.Pathway.Id, OrganisationId = providerId, UserId = person,
                ConsentId = Guid.CreateVersion7(), Question = minutes == 1 ? null : $"Question {minutes}", AskedAt = asked.AddMinutes(minutes),
            });
        }

        Assert.Equal(["Question 0", null, "Question 2"], (await questions.ListForPathwayAsync(pathway.Pathway.Id)).Select(row => row.Question));
        Assert.Equal(["Question 0", null], (await questions.ListForPathwayAsync(pathway.Pathway.Id, new PageRequest(1, 1))).Select(row => row.Question));
        Assert.Equal(["Question 0", "Question 2"], (await questions.ListOfUserAsync(people[0], pathway.Pathway.Id)).Select(row => row.Question));
        Assert.Equal(3, (await questions.CountByPathwayAsync(providerId))[pathway.Pathway.Id]);
    }
}

public sealed class SqlitePathwayRepositoryTests(SqliteFixture fixture) : PathwayRepositoryTests(fixture), IClassFixture<SqliteFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresPathwayRepositoryTests(PostgresFixture fixture) : PathwayRepositoryTests(fixture), IClassFixture<PostgresFixture>;
