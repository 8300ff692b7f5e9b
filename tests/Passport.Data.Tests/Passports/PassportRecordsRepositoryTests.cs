using Passport.Data.Accounts;
using Passport.Data.Endorsements;
using Passport.Data.Experiences;
using Passport.Data.Organisations;
using Passport.Data.Tests.Database;
using Passport.Domain.Accounts;
using Passport.Domain.Endorsements;
using Passport.Domain.Experiences;
using Passport.Domain.Organisations;

namespace Passport.Data.Tests.Passports;

/// <summary>Experiences and endorsements: owners reach only their own rows, and erasing an account takes its rows along.</summary>
public abstract class PassportRecordsRepositoryTests(DatabaseFixture fixture) : IDisposable
{
    private readonly ExperienceRepository _experiences = new(fixture.Database, fixture.Time);
    private readonly EndorsementRepository _endorsements = new(fixture.Database);
    private readonly UserStore _users = new(fixture.Database, fixture.Time);

    private static Experience Internship(DateOnly started, params string[] escoUris) => new(
        ExperienceKind.Internship, "Warehouse assistant", "Harbour Logistics", null, started, started.AddMonths(4), "Picked orders.", escoUris);

    [Fact]
    public async Task Experiences_CreateListUpdateDelete_RoundTripEveryField()
    {
        var owner = await NewUserAsync(Roles.JobSeeker);
        var older = await _experiences.CreateAsync(owner.Id, Internship(new DateOnly(2024, 3, 1)));
        var newer = await _experiences.CreateAsync(owner.Id, Internship(new DateOnly(2025, 9, 15), "http://data.europa.eu/esco/occupation/a", "http://data.europa.eu/esco/skill/b"));

        var listed = await _experiences.ListAsync(owner.Id);

        Assert.Equal([newer.Id, older.Id], listed.Select(record => record.Id));
        var stored = listed[0].Experience;
        Assert.Equal(ExperienceKind.Internship, stored.Kind);
        Assert.Equal(new DateOnly(2025, 9, 15), stored.StartedOn);
        Assert.Equal(new DateOnly(2026, 1, 15), stored.EndedOn);
        Assert.Null(stored.Place);
        Assert.Equal(["http://data.europa.eu/esco/occupation/a", "http://data.europa.eu/esco/skill/b"], stored.EscoUris);

        var changed = new Experience(ExperienceKind.Volunteering, "Food bank", null, "Eindhoven", new DateOnly(2023, 1, 1), null, null, []);
        var updated = await _experiences.UpdateAsync(owner.Id, older.Id, changed);
        Assert.NotNull(updated);
        Assert.Equal(changed with { EscoUris = updated.Experience.EscoUris }, updated.Experience);
        Assert.Empty(updated.Experience.EscoUris);
        Assert.Equal(older.CreatedAt, updated.CreatedAt);
        Assert.Equal(changed.Title, (await _experiences.GetAsync(owner.Id, older.Id))!.Experience.Title);

        Assert.True(await _experiences.DeleteAsync(owner.Id, older.Id));
        Assert.False(await _experiences.DeleteAsync(owner.Id, older.Id));
        Assert.Equal([newer.Id], (await _experiences.ListAsync(owner.Id)).Select(record => record.Id));
    }

    [Fact]
    public async Task Experiences_SomeoneElsesId_AreNeitherReadNorChangedNorDeleted()
    {
        var owner = await NewUserAsync(Roles.JobSeeker);
        var other = await NewUserAsync(Roles.JobSeeker);
        var experience = await _experiences.CreateAsync(owner.Id, Internship(new DateOnly(2024, 3, 1)));

        Assert.Null(await _experiences.GetAsync(other.Id, experience.Id));
        Assert.Null(await _experiences.UpdateAsync(other.Id, experience.Id, Internship(new DateOnly(2020, 1, 1))));
        Assert.False(await _experiences.DeleteAsync(other.Id, experience.Id));
        Assert.Empty(await _experiences.ListAsync(other.Id));
        Assert.Equal(new DateOnly(2024, 3, 1), (await _experiences.GetAsync(owner.Id, experience.Id))!.Experience.StartedOn);
    }

    [Fact]
    public async Task Endorsements_OnlyAcceptedAreListedForOthersAndMovesNeedTheExpectedStatus()
    {
        var (endorser, organisationId) = await NewStaffAsync();
        var owner = await NewUserAsync(Roles.JobSeeker);
        var accepted = await NewEndorsementAsync(owner.Id, endorser, organisationId);
        var declined = await NewEndorsementAsync(owner.Id, endorser, organisationId);
        var pending = await NewEndorsementAsync(owner.Id, endorser, organisationId);
        var decidedAt = fixture.Time.GetUtcNow().AddHours(1);

        Assert.True(await _endorsements.ChangeStatusAsync(owner.Id, accepted.Id, EndorsementStatus.Pending, EndorsementStatus.Accepted, decidedAt));
        Assert.True(await _endorsements.ChangeStatusAsync(owner.Id, declined.Id, EndorsementStatus.Pending, EndorsementStatus.Declined, decidedAt));
        Assert.False(await _endorsements.ChangeStatusAsync(owner.Id, declined.Id, EndorsementStatus.Pending, EndorsementStatus.Accepted, decidedAt));

        var shown = Assert.Single(await _endorsements.ListAcceptedAsync(owner.Id));
        Assert.Equal(accepted.Id, shown.Id);
        Assert.Equal("Accepted", shown.Status);
        Assert.Equal(decidedAt, shown.DecidedAt);
        Assert.Equal("Harbour Logistics", shown.OrganisationName);
        Assert.Equal(endorser.DisplayName, shown.EndorserName);
        Assert.Equal(endorser.Id, shown.EndorserUserId);
        Assert.Equal(organisationId, shown.EndorserOrganisationId);
        Assert.Equal("teamwork", shown.SkillId);
        Assert.Equal(3, (await _endorsements.ListAsync(owner.Id)).Count);
        Assert.Equal("Pending", (await _endorsements.GetAsync(owner.Id, pending.Id))!.Status);

        var withdrawnAt = decidedAt.AddDays(1);
        Assert.True(await _endorsements.ChangeStatusAsync(owner.Id, accepted.Id, EndorsementStatus.Accepted, EndorsementStatus.Withdrawn, withdrawnAt));
        Assert.Empty(await _endorsements.ListAcceptedAsync(owner.Id));
        var withdrawn = (await _endorsements.GetAsync(owner.Id, accepted.Id))!;
        Assert.Equal(withdrawnAt, withdrawn.WithdrawnAt);
        Assert.Equal(decidedAt, withdrawn.DecidedAt);
    }

    [Fact]
    public async Task Endorsements_SomeoneElsesId_AreNeitherReadNorMoved()
    {
        var (endorser, organisationId) = await NewStaffAsync();
        var owner = await NewUserAsync(Roles.JobSeeker);
        var other = await NewUserAsync(Roles.JobSeeker);
        var endorsement = await NewEndorsementAsync(owner.Id, endorser, organisationId);

        Assert.Null(await _endorsements.GetAsync(other.Id, endorsement.Id));
        Assert.False(await _endorsements.ChangeStatusAsync(other.Id, endorsement.Id, EndorsementStatus.Pending, EndorsementStatus.Accepted, fixture.Time.GetUtcNow()));
        Assert.Equal("Pending", (await _endorsements.GetAsync(owner.Id, endorsement.Id))!.Status);
    }

    [Fact]
    public async Task DeleteUser_Owner_TakesExperiencesAndEndorsementsAlong()
    {
        var (endorser, organisationId) = await NewStaffAsync();
        var owner = await NewUserAsync(Roles.JobSeeker);
        await _experiences.CreateAsync(owner.Id, Internship(new DateOnly(2024, 3, 1)));
        var endorsement = await NewEndorsementAsync(owner.Id, endorser, organisationId);

        await _users.DeleteAsync(owner, CancellationToken.None);

        Assert.Empty(await _experiences.ListAsync(owner.Id));
        Assert.Empty(await _endorsements.ListAsync(owner.Id));
        Assert.Null(await _endorsements.GetAsync(owner.Id, endorsement.Id));
    }

    [Fact]
    public async Task DeleteUser_Endorser_KeepsTheEndorsementWithTheNamesOfTheTime()
    {
        var (endorser, organisationId) = await NewStaffAsync();
        var owner = await NewUserAsync(Roles.JobSeeker);
        var endorsement = await NewEndorsementAsync(owner.Id, endorser, organisationId);

        await _users.DeleteAsync(endorser, CancellationToken.None);

        var kept = (await _endorsements.GetAsync(owner.Id, endorsement.Id))!;
        Assert.Null(kept.EndorserUserId);
        Assert.Equal(endorser.DisplayName, kept.EndorserName);
        Assert.Equal("Harbour Logistics", kept.OrganisationName);
    }

    public void Dispose()
    {
        _users.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<EndorsementRow> NewEndorsementAsync(Guid ownerId, PassportUser endorser, Guid organisationId)
    {
        var row = new EndorsementRow
        {
            Id = Guid.CreateVersion7(),
            UserId = ownerId,
            EndorserUserId = endorser.Id,
            EndorserOrganisationId = organisationId,
            EndorserName = endorser.DisplayName,
            OrganisationName = "Harbour Logistics",
            SkillId = "teamwork",
            Evidence = "Led the Saturday team calmly.",
            Status = nameof(EndorsementStatus.Pending),
            CreatedAt = fixture.Time.GetUtcNow(),
        };
        await _endorsements.CreateAsync(row);
        return row;
    }

    private async Task<(PassportUser User, Guid OrganisationId)> NewStaffAsync()
    {
        var organisationId = Guid.CreateVersion7();
        await new OrganisationRepository(fixture.Database, fixture.Time).CreateAsync(
            organisationId, OrganisationKind.Employer, new OrganisationProfile("Harbour Logistics", null, null, null, null), isDemo: false);
        return (await NewUserAsync(Roles.Employer, organisationId), organisationId);
    }

    private async Task<PassportUser> NewUserAsync(string role, Guid? organisationId = null)
    {
        var email = $"records-{Guid.NewGuid():N}@example.org";
        var user = new PassportUser { Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = "Sam", Language = "en", OrganisationId = organisationId };
        user.Roles.Add(role);
        await _users.CreateAsync(user, CancellationToken.None);
        return user;
    }
}

public sealed class SqlitePassportRecordsRepositoryTests(SqliteFixture fixture) : PassportRecordsRepositoryTests(fixture), IClassFixture<SqliteFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresPassportRecordsRepositoryTests(PostgresFixture fixture) : PassportRecordsRepositoryTests(fixture), IClassFixture<PostgresFixture>;
