using Passport.Data.Accounts;
using Passport.Data.Database;
using Passport.Data.Organisations;
using Passport.Data.Tests.Database;
using Passport.Data.Vacancies;
using Passport.Domain.Accounts;
using Passport.Domain.Organisations;
using Passport.Domain.Vacancies;

namespace Passport.Data.Tests.Vacancies;

public abstract class VacancyRepositoryTests(DatabaseFixture fixture)
{
    private readonly VacancyRepository _repository = new(fixture.Database);

    private async Task<Guid> NewEmployerAsync()
    {
        var id = Guid.CreateVersion7();
        await new OrganisationRepository(fixture.Database, fixture.Time).CreateAsync(
            id, OrganisationKind.Employer, new OrganisationProfile("Harbour Logistics", "logistics", "Helmond", null, null), isDemo: false);
        return id;
    }

    private async Task<PassportUser> NewStaffAsync(Guid organisationId)
    {
        var email = $"staff-{Guid.NewGuid():N}@example.org";
        var user = new PassportUser { Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = "Noor", Language = "en", OrganisationId = organisationId };
        user.Roles.Add(Roles.Employer);
        using var users = new UserStore(fixture.Database, fixture.Time);
        await users.CreateAsync(user, CancellationToken.None);
        return user;
    }

    private VacancyRecord NewVacancy(Guid organisationId, Guid? createdBy, int minutesAfterStart = 0) => new(
        Guid.CreateVersion7(),
        organisationId,
        createdBy,
        new Vacancy(
            "Forklift driver",
            "logistics",
            new VacancyLocation(51.4712, 5.6955, "Helmond Hoogeind"),
            40,
            [new VacancySkill("reliability", 3, 3), new VacancySkill("teamwork", 0, 1), new VacancySkill("integrity", 2, 5)],
            [new MustHave("Forklift certificate", null), new MustHave("Driving licence B", "http://data.europa.eu/esco/skill/abc")]),
        VacancyStatus.Draft,
        fixture.Time.GetUtcNow().AddMinutes(minutesAfterStart),
        null,
        null);

    [Fact]
    public async Task CreateAsync_ThenGetAsync_ReadsEveryColumnAndChildRowBack()
    {
        var organisationId = await NewEmployerAsync();
        var staff = await NewStaffAsync(organisationId);
        var vacancy = NewVacancy(organisationId, staff.Id);

        Assert.True(await _repository.CreateAsync(vacancy));
        var found = await _repository.GetAsync(vacancy.Id);

        Assert.NotNull(found);
        Assert.Equal(vacancy.Id, found.Id);
        Assert.Equal(organisationId, found.OrganisationId);
        Assert.Equal(staff.Id, found.CreatedByUserId);
        Assert.Equal("Forklift driver", found.Vacancy.Title);
        Assert.Equal("logistics", found.Vacancy.Sector);
        Assert.Equal(vacancy.Vacancy.Location, found.Vacancy.Location);
        Assert.Equal(40, found.Vacancy.HoursPerWeek);
        Assert.Equal(vacancy.Vacancy.Skills, found.Vacancy.Skills);
        Assert.Equal(vacancy.Vacancy.MustHaves, found.Vacancy.MustHaves);
        Assert.Equal(VacancyStatus.Draft, found.Status);
        Assert.Equal(vacancy.CreatedAt, found.CreatedAt);
        Assert.Null(found.PublishedAt);
        Assert.Null(found.ClosedAt);
    }

    [Fact]
    public async Task CreateAsync_SameIdTwice_KeepsTheFirstAndAnswersFalse()
    {
        var organisationId = await NewEmployerAsync();
        var vacancy = NewVacancy(organisationId, null);
        await _repository.CreateAsync(vacancy);

        Assert.False(await _repository.CreateAsync(vacancy with { Vacancy = vacancy.Vacancy with { Title = "Changed", Skills = [new VacancySkill("planning", 1, 1)] } }));

        var found = await _repository.GetAsync(vacancy.Id);
        Assert.Equal("Forklift driver", found!.Vacancy.Title);
        Assert.Equal(3, found.Vacancy.Skills.Count);
    }

    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNull() =>
        Assert.Null(await _repository.GetAsync(Guid.CreateVersion7()));

    [Fact]
    public async Task ListOfOrganisationAsync_ListsOnlyThatOrganisationsVacanciesNewestFirst()
    {
        var organisationId = await NewEmployerAsync();
        var otherId = await NewEmployerAsync();
        var older = NewVacancy(organisationId, null);
        var newer = NewVacancy(organisationId, null, minutesAfterStart: 5);
        await _repository.CreateAsync(older);
        await _repository.CreateAsync(newer);
        await _repository.CreateAsync(NewVacancy(otherId, null));

        var listed = await _repository.ListOfOrganisationAsync(organisationId);

        Assert.Equal([newer.Id, older.Id], listed.Select(vacancy => vacancy.Id));
        Assert.All(listed, vacancy => Assert.Equal(3, vacancy.Vacancy.Skills.Count));
        Assert.Empty(await _repository.ListOfOrganisationAsync(Guid.CreateVersion7()));
    }

    [Fact]
    public async Task UpdateStatusAsync_FromTheExpectedStatus_StoresItWithItsMoment()
    {
        var vacancy = NewVacancy(await NewEmployerAsync(), null);
        await _repository.CreateAsync(vacancy);
        var publishedAt = fixture.Time.GetUtcNow().AddHours(1);
        var closedAt = fixture.Time.GetUtcNow().AddHours(2);

        Assert.True(await _repository.UpdateStatusAsync(vacancy.Id, VacancyStatus.Draft, VacancyStatus.Published, publishedAt));
        Assert.Contains(await _repository.ListPublishedAsync(), published => published.Id == vacancy.Id);
        Assert.True(await _repository.UpdateStatusAsync(vacancy.Id, VacancyStatus.Published, VacancyStatus.Closed, closedAt));

        var found = await _repository.GetAsync(vacancy.Id);
        Assert.Equal(VacancyStatus.Closed, found!.Status);
        Assert.Equal(publishedAt, found.PublishedAt);
        Assert.Equal(closedAt, found.ClosedAt);
        Assert.DoesNotContain(await _repository.ListPublishedAsync(), published => published.Id == vacancy.Id);
    }

    [Fact]
    public async Task UpdateStatusAsync_FromAnotherStatus_ChangesNothing()
    {
        var vacancy = NewVacancy(await NewEmployerAsync(), null);
        await _repository.CreateAsync(vacancy);

        Assert.False(await _repository.UpdateStatusAsync(vacancy.Id, VacancyStatus.Published, VacancyStatus.Closed, fixture.Time.GetUtcNow()));

        var found = await _repository.GetAsync(vacancy.Id);
        Assert.Equal(VacancyStatus.Draft, found!.Status);
        Assert.Null(found.ClosedAt);
    }

    [Fact]
    public async Task UpdateAsync_WithAChange_ReplacesTheVacancyAndItsRowsAndRecordsTheChange()
    {
        var organisationId = await NewEmployerAsync();
        var staff = await NewStaffAsync(organisationId);
        var vacancy = NewVacancy(organisationId, staff.Id);
        await _repository.CreateAsync(vacancy);
        var changed = vacancy.Vacancy with
        {
            Title = "Forklift driver, nights",
            Location = new VacancyLocation(51.4416, 5.4697, "Eindhoven"),
            Skills = [new VacancySkill("teamwork", 1, 2)],
            MustHaves = [],
        };
        var change = new VacancyChangeRow
        {
            Id = Guid.CreateVersion7(), VacancyId = vacancy.Id, ChangedAt = fixture.Time.GetUtcNow(), ChangedByUserId = staff.Id,
            Fields = "title location skills mustHaves",
        };

        Assert.True(await _repository.UpdateAsync(vacancy.Id, VacancyStatus.Draft, changed, change));

        var found = await _repository.GetAsync(vacancy.Id);
        Assert.NotNull(found);
        Assert.Equal(changed.Title, found.Vacancy.Title);
        Assert.Equal(changed.Location, found.Vacancy.Location);
        Assert.Equal(changed.Skills, found.Vacancy.Skills);
        Assert.Empty(found.Vacancy.MustHaves);
        Assert.Equal(VacancyStatus.Draft, found.Status);
        var recorded = Assert.Single(await _repository.ListChangesAsync(vacancy.Id, new PageRequest(1, 10)));
        Assert.Equal((change.Id, change.ChangedAt, staff.Id, "Noor"), (recorded.Id, recorded.ChangedAt, recorded.ChangedByUserId, recorded.ChangedByName));
        Assert.Equal(["title", "location", "skills", "mustHaves"], recorded.FieldList);
        Assert.Equal(recorded.Id, Assert.Single(await _repository.ListChangesByAsync(staff.Id)).Id);
    }

    [Fact]
    public async Task UpdateAsync_FromAnotherStatus_ChangesNothingAndRecordsNothing()
    {
        var organisationId = await NewEmployerAsync();
        var vacancy = NewVacancy(organisationId, null);
        await _repository.CreateAsync(vacancy);
        var change = new VacancyChangeRow { Id = Guid.CreateVersion7(), VacancyId = vacancy.Id, ChangedAt = fixture.Time.GetUtcNow(), Fields = "title" };

        Assert.False(await _repository.UpdateAsync(vacancy.Id, VacancyStatus.Published, vacancy.Vacancy with { Title = "Other" }, change));

        Assert.Equal(vacancy.Vacancy.Title, (await _repository.GetAsync(vacancy.Id))!.Vacancy.Title);
        Assert.Equal(vacancy.Vacancy.Skills, (await _repository.GetAsync(vacancy.Id))!.Vacancy.Skills);
        Assert.Empty(await _repository.ListChangesAsync(vacancy.Id, new PageRequest(1, 10)));
    }

    [Fact]
    public async Task DeletingTheAuthor_KeepsTheVacancyWithoutThem()
    {
        var organisationId = await NewEmployerAsync();
        var staff = await NewStaffAsync(organisationId);
        var vacancy = NewVacancy(organisationId, staff.Id);
        await _repository.CreateAsync(vacancy);

        using (var users = new UserStore(fixture.Database, fixture.Time))
        {
            await users.DeleteAsync(staff, CancellationToken.None);
        }

        var found = await _repository.GetAsync(vacancy.Id);
        Assert.NotNull(found);
        Assert.Null(found.CreatedByUserId);
    }
}

public sealed class SqliteVacancyRepositoryTests(SqliteFixture fixture) : VacancyRepositoryTests(fixture), IClassFixture<SqliteFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresVacancyRepositoryTests(PostgresFixture fixture) : VacancyRepositoryTests(fixture), IClassFixture<PostgresFixture>;
