using System.Data.Common;
using Passport.Data.Accounts;
using Passport.Data.Sharing;
using Passport.Data.Tests.Database;
using Passport.Domain.Accounts;
using Passport.Domain.Sharing;

namespace Passport.Data.Tests.Sharing;

public abstract class ShareLinkRepositoryTests(DatabaseFixture fixture)
{
    private readonly ShareLinkRepository _repository = new(fixture.Database);

    private async Task<PassportUser> NewJobSeekerAsync()
    {
        var email = $"js-{Guid.NewGuid():N}@example.org";
        var user = new PassportUser { Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = "Sam", Language = "en" };
        user.Roles.Add(Roles.JobSeeker);
        using var users = new UserStore(fixture.Database, fixture.Time);
        await users.CreateAsync(user, CancellationToken.None);
        return user;
    }

    private ShareLinkRow NewLink(Guid userId, int minutesAfterStart = 0, string? label = "For the job fair") => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        TokenHash = ShareLinkToken.Create().Hash,
        Label = label,
        Categories = "skills contact",
        Status = nameof(ShareLinkStatus.Active),
        CreatedAt = fixture.Time.GetUtcNow().AddMinutes(minutesAfterStart),
        ExpiresAt = fixture.Time.GetUtcNow().AddDays(14),
    };

    [Fact]
    public async Task CreateAsync_ThenFindByTokenHash_ReadsEveryColumnBack()
    {
        var owner = await NewJobSeekerAsync();
        var link = NewLink(owner.Id);

        await _repository.CreateAsync(link);
        var found = await _repository.FindByTokenHashAsync(link.TokenHash);

        Assert.NotNull(found);
        Assert.Equal(link.Id, found.Id);
        Assert.Equal(owner.Id, found.UserId);
        Assert.Equal("For the job fair", found.Label);
        Assert.Equal("skills contact", found.Categories);
        Assert.Equal("Active", found.Status);
        Assert.Equal(link.CreatedAt, found.CreatedAt);
        Assert.Equal(link.ExpiresAt, found.ExpiresAt);
        Assert.Null(found.RevokedAt);
        Assert.Null(found.LastOpenedAt);
        Assert.Equal(0, found.OpenCount);
    }

    [Fact]
    public async Task FindByTokenHashAsync_UnknownHash_ReturnsNull() =>
        Assert.Null(await _repository.FindByTokenHashAsync(ShareLinkToken.Create().Hash));

    [Fact]
    public async Task CreateAsync_SameTokenHashTwice_FailsAndKeepsTheFirst()
    {
        var owner = await NewJobSeekerAsync();
        var first = NewLink(owner.Id);
        await _repository.CreateAsync(first);
        var second = NewLink(owner.Id);
        second.TokenHash = first.TokenHash;

        await Assert.ThrowsAnyAsync<DbException>(() => _repository.CreateAsync(second));

        Assert.Equal(first.Id, (await _repository.FindByTokenHashAsync(first.TokenHash))!.Id);
    }

    [Fact]
    public async Task CreateAsync_UnknownUser_Fails()
    {
        await Assert.ThrowsAnyAsync<DbException>(() => _repository.CreateAsync(NewLink(Guid.CreateVersion7())));
    }

    [Fact]
    public async Task ListForOwnerAsync_TwoOwners_ListsOnlyTheOwnersNewestFirst()
    {
        var owner = await NewJobSeekerAsync();
        var other = await NewJobSeekerAsync();
        var older = NewLink(owner.Id, 0, label: null);
        var newer = NewLink(owner.Id, 5);
        await _repository.CreateAsync(older);
        await _repository.CreateAsync(newer);
        await _repository.CreateAsync(NewLink(other.Id));

        var listed = await _repository.ListForOwnerAsync(owner.Id);

        Assert.Equal([newer.Id, older.Id], listed.Select(link => link.Id));
        Assert.Null(listed[1].Label);
    }

    [Fact]
    public async Task FindForOwnerAsync_AnotherOwnersLink_ReturnsNull()
    {
        var owner = await NewJobSeekerAsync();
        var other = await NewJobSeekerAsync();
        var link = NewLink(owner.Id);
        await _repository.CreateAsync(link);

        Assert.NotNull(await _repository.FindForOwnerAsync(owner.Id, link.Id));
        Assert.Null(await _repository.FindForOwnerAsync(other.Id, link.Id));
    }

    [Fact]
    public async Task RevokeAsync_ActiveLink_RevokesOnceAndOnlyForItsOwner()
    {
        var owner = await NewJobSeekerAsync();
        var other = await NewJobSeekerAsync();
        var link = NewLink(owner.Id);
        await _repository.CreateAsync(link);
        var at = fixture.Time.GetUtcNow().AddHours(1);

        Assert.False(await _repository.RevokeAsync(other.Id, link.Id, at));
        Assert.True(await _repository.RevokeAsync(owner.Id, link.Id, at));
        Assert.False(await _repository.RevokeAsync(owner.Id, link.Id, at.AddHours(1)));

        var stored = (await _repository.FindForOwnerAsync(owner.Id, link.Id))!;
        Assert.Equal("Revoked", stored.Status);
        Assert.Equal(at, stored.RevokedAt);
    }

    [Fact]
    public async Task RecordOpenAsync_ActiveLink_CountsEachOpenAndKeepsTheLast()
    {
        var owner = await NewJobSeekerAsync();
        var link = NewLink(owner.Id);
        await _repository.CreateAsync(link);
        var first = fixture.Time.GetUtcNow().AddMinutes(1);
        var second = first.AddMinutes(1);

        Assert.True(await _repository.RecordOpenAsync(link.Id, first));
        Assert.True(await _repository.RecordOpenAsync(link.Id, second));

        var stored = (await _repository.FindByTokenHashAsync(link.TokenHash))!;
        Assert.Equal(2, stored.OpenCount);
        Assert.Equal(second, stored.LastOpenedAt);
    }

    [Fact]
    public async Task RecordOpenAsync_RevokedLink_CountsNothing()
    {
        var owner = await NewJobSeekerAsync();
        var link = NewLink(owner.Id);
        await _repository.CreateAsync(link);
        await _repository.RevokeAsync(owner.Id, link.Id, fixture.Time.GetUtcNow());

        Assert.False(await _repository.RecordOpenAsync(link.Id, fixture.Time.GetUtcNow()));

        Assert.Equal(0, (await _repository.FindByTokenHashAsync(link.TokenHash))!.OpenCount);
    }

    [Fact]
    public async Task ExpireAsync_ActiveLink_ExpiresOnceAndThenNeitherOpensNorRevokes()
    {
        var owner = await NewJobSeekerAsync();
        var link = NewLink(owner.Id);
        await _repository.CreateAsync(link);

        Assert.True(await _repository.ExpireAsync(link.Id));
        Assert.False(await _repository.ExpireAsync(link.Id));
        Assert.False(await _repository.RecordOpenAsync(link.Id, fixture.Time.GetUtcNow()));
        Assert.False(await _repository.RevokeAsync(owner.Id, link.Id, fixture.Time.GetUtcNow()));

        Assert.Equal("Expired", (await _repository.FindByTokenHashAsync(link.TokenHash))!.Status);
    }

    [Fact]
    public async Task DeleteUser_WithLinks_RemovesThem()
    {
        var owner = await NewJobSeekerAsync();
        var link = NewLink(owner.Id);
        await _repository.CreateAsync(link);

        using (var users = new UserStore(fixture.Database, fixture.Time))
        {
            await users.DeleteAsync(owner, CancellationToken.None);
        }

        Assert.Null(await _repository.FindByTokenHashAsync(link.TokenHash));
    }
}

public sealed class SqliteShareLinkRepositoryTests(SqliteFixture fixture) : ShareLinkRepositoryTests(fixture), IClassFixture<SqliteFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresShareLinkRepositoryTests(PostgresFixture fixture) : ShareLinkRepositoryTests(fixture), IClassFixture<PostgresFixture>;
