using System.Data.Common;
using Passport.Data.Accounts;
using Passport.Data.JobSeekers;
using Passport.Data.Tests.Database;
using Passport.Domain.Accounts;
using Passport.Domain.JobSeekers;

namespace Passport.Data.Tests.JobSeekers;

public abstract class JobSeekerRepositoryTests(DatabaseFixture fixture)
{
    private readonly JobSeekerRepository _repository = new(fixture.Database, fixture.Time);

    private async Task<Guid> NewJobSeekerAsync()
    {
        var email = $"js-{Guid.NewGuid():N}@example.org";
        var user = new PassportUser { Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = "Sam", Language = "en" };
        user.Roles.Add(Roles.JobSeeker);
        await new UserStore(fixture.Database, fixture.Time).CreateAsync(user, CancellationToken.None);
        return user.Id;
    }

    [Fact]
    public async Task GetPreferencesAsync_NeverSaved_ReturnsNone()
    {
        var preferences = await _repository.GetPreferencesAsync(await NewJobSeekerAsync());

        Assert.Empty(preferences.Sectors);
        Assert.Null(preferences.HoursPerWeek);
        Assert.Null(preferences.HomePlace);
        Assert.False(preferences.OpenToMatching);
    }

    [Fact]
    public async Task SavePreferencesAsync_HomePlaceAndOpenToMatching_RoundTripAndCanBeCleared()
    {
        var id = await NewJobSeekerAsync();

        await _repository.SavePreferencesAsync(id, new JobSeekerPreferences(["ict"], 32, "eindhoven", OpenToMatching: true));
        var opened = await _repository.GetPreferencesAsync(id);
        await _repository.SavePreferencesAsync(id, new JobSeekerPreferences(["ict"], 32, null, OpenToMatching: false));
        var cleared = await _repository.GetPreferencesAsync(id);

        Assert.Equal(["ict"], opened.Sectors);
        Assert.Equal("eindhoven", opened.HomePlace);
        Assert.True(opened.OpenToMatching);
        Assert.Null(cleared.HomePlace);
        Assert.False(cleared.OpenToMatching);
    }

    [Fact]
    public async Task SavePreferencesAsync_SavedTwice_SecondReplacesFirstAndKeepsOrder()
    {
        var id = await NewJobSeekerAsync();

        await _repository.SavePreferencesAsync(id, new JobSeekerPreferences(["ict", "logistics", "retail"], 20));
        await _repository.SavePreferencesAsync(id, new JobSeekerPreferences(["retail", "healthcare"], null));

        var stored = await _repository.GetPreferencesAsync(id);
        Assert.Equal(["retail", "healthcare"], stored.Sectors);
        Assert.Null(stored.HoursPerWeek);
    }

    [Fact]
    public async Task SavePreferencesAsync_UnknownUser_FailsAndWritesNothing()
    {
        var nobody = Guid.CreateVersion7();

        await Assert.ThrowsAnyAsync<DbException>(() => _repository.SavePreferencesAsync(nobody, new JobSeekerPreferences(["ict"], 10)));

        Assert.Empty((await _repository.GetPreferencesAsync(nobody)).Sectors);
    }
}

public sealed class SqliteJobSeekerRepositoryTests(SqliteFixture fixture) : JobSeekerRepositoryTests(fixture), IClassFixture<SqliteFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresJobSeekerRepositoryTests(PostgresFixture fixture) : JobSeekerRepositoryTests(fixture), IClassFixture<PostgresFixture>;
