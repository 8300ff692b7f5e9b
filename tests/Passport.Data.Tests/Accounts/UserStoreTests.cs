using Dapper;
using Microsoft.AspNetCore.Identity;
using Passport.Data.Accounts;
using Passport.Data.Tests.Database;
using Passport.Domain.Accounts;

namespace Passport.Data.Tests.Accounts;

public abstract class UserStoreTests(DatabaseFixture fixture) : IDisposable
{
    private readonly UserStore _store = new(fixture.Database, fixture.Time);

    public void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }

    private static PassportUser NewUser(params string[] roles)
    {
        var email = $"user-{Guid.NewGuid():N}@example.org";
        var user = new PassportUser
        {
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = "Sam",
            Language = "da",
            BirthYear = 2007,
            PasswordHash = "hash",
        };
        user.Roles.AddRange(roles);
        return user;
    }

    [Fact]
    public async Task CreateAsync_NewJobSeeker_RoundTripsEveryField()
    {
        var user = NewUser(Roles.JobSeeker);

        var result = await _store.CreateAsync(user, CancellationToken.None);
        var found = await _store.FindByEmailAsync(user.NormalizedEmail, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.NotNull(found);
        Assert.Equal(user.Id, found.Id);
        Assert.Equal(user.Email, found.Email);
        Assert.Equal("Sam", found.DisplayName);
        Assert.Equal("da", found.Language);
        Assert.Equal(2007, found.BirthYear);
        Assert.Null(found.OrganisationId);
        Assert.Null(found.LockoutEnd);
        Assert.True(found.LockoutEnabled);
        Assert.Equal(fixture.Time.GetUtcNow(), found.CreatedAt);
        Assert.Equal([Roles.JobSeeker], found.Roles);
    }

    [Fact]
    public async Task CreateAsync_SameEmailTwice_SecondFailsAsDuplicate()
    {
        var first = NewUser(Roles.JobSeeker);
        var second = NewUser(Roles.JobSeeker);
        second.Email = first.Email;
        second.NormalizedEmail = first.NormalizedEmail;

        await _store.CreateAsync(first, CancellationToken.None);
        var result = await _store.CreateAsync(second, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(nameof(IdentityErrorDescriber.DuplicateEmail), Assert.Single(result.Errors).Code);
        Assert.Null(await _store.FindByIdAsync(second.Id.ToString(), CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_StaleConcurrencyStamp_FailsAndKeepsTheStoredRow()
    {
        var user = NewUser(Roles.JobSeeker);
        await _store.CreateAsync(user, CancellationToken.None);
        var copyA = (await _store.FindByIdAsync(user.Id.ToString(), CancellationToken.None))!;
        var copyB = (await _store.FindByIdAsync(user.Id.ToString(), CancellationToken.None))!;

        copyA.DisplayName = "First writer";
        var first = await _store.UpdateAsync(copyA, CancellationToken.None);
        copyB.DisplayName = "Second writer";
        var second = await _store.UpdateAsync(copyB, CancellationToken.None);

        Assert.True(first.Succeeded);
        Assert.Equal(nameof(IdentityErrorDescriber.ConcurrencyFailure), Assert.Single(second.Errors).Code);
        Assert.Equal("First writer", (await _store.FindByIdAsync(user.Id.ToString(), CancellationToken.None))!.DisplayName);
    }

    [Fact]
    public async Task UpdateAsync_RoleAddedAndRemoved_StoresTheNewSet()
    {
        var user = NewUser(Roles.JobSeeker);
        await _store.CreateAsync(user, CancellationToken.None);

        await _store.AddToRoleAsync(user, "COACH", CancellationToken.None);
        await _store.RemoveFromRoleAsync(user, "JOBSEEKER", CancellationToken.None);
        await _store.UpdateAsync(user, CancellationToken.None);

        var found = (await _store.FindByIdAsync(user.Id.ToString(), CancellationToken.None))!;
        Assert.Equal([Roles.Coach], found.Roles);
        Assert.Contains(await _store.GetUsersInRoleAsync("COACH", CancellationToken.None), candidate => candidate.Id == user.Id);
    }

    [Fact]
    public async Task UpdateAsync_PermanentLockout_RoundTrips()
    {
        var user = NewUser(Roles.JobSeeker);
        await _store.CreateAsync(user, CancellationToken.None);

        user.LockoutEnd = DateTimeOffset.MaxValue;
        user.AccessFailedCount = 3;
        await _store.UpdateAsync(user, CancellationToken.None);

        var found = (await _store.FindByIdAsync(user.Id.ToString(), CancellationToken.None))!;
        Assert.Equal(DateTimeOffset.MaxValue.UtcDateTime, found.LockoutEnd!.Value.UtcDateTime, TimeSpan.FromMilliseconds(1));
        Assert.Equal(3, found.AccessFailedCount);
    }

    [Fact]
    public async Task AddToRoleAsync_UnknownRole_Throws()
    {
        var user = NewUser();

        await Assert.ThrowsAsync<ArgumentException>(() => _store.AddToRoleAsync(user, "SUPERUSER", CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_User_RemovesTheUserAndTheirRoles()
    {
        var user = NewUser(Roles.JobSeeker);
        await _store.CreateAsync(user, CancellationToken.None);

        await _store.DeleteAsync(user, CancellationToken.None);

        Assert.Null(await _store.FindByIdAsync(user.Id.ToString(), CancellationToken.None));
        await using var connection = await fixture.Database.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM user_roles WHERE user_id = @Id", new { user.Id }));
    }

    [Fact]
    public async Task FindByIdAsync_NotAGuid_ReturnsNull()
    {
        Assert.Null(await _store.FindByIdAsync("42 OR 1=1", CancellationToken.None));
    }
}

public sealed class SqliteUserStoreTests(SqliteFixture fixture) : UserStoreTests(fixture), IClassFixture<SqliteFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresUserStoreTests(PostgresFixture fixture) : UserStoreTests(fixture), IClassFixture<PostgresFixture>;
