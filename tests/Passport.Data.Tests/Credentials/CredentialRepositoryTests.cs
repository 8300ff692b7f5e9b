using Dapper;
using Passport.Data.Accounts;
using Passport.Data.Credentials;
using Passport.Data.Tests.Database;
using Passport.Domain.Accounts;

namespace Passport.Data.Tests.Credentials;

public abstract class CredentialRepositoryTests(DatabaseFixture fixture)
{
    private readonly CredentialRepository _repository = new(fixture.Database);

    private async Task<Guid> NewJobSeekerAsync()
    {
        var email = $"js-{Guid.NewGuid():N}@example.org";
        var user = new PassportUser { Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = "Sam", Language = "en" };
        user.Roles.Add(Roles.JobSeeker);
        await new UserStore(fixture.Database, fixture.Time).CreateAsync(user, CancellationToken.None);
        return user.Id;
    }

    // Each test uses a list id of its own, so tests never see each other's bits.
    private static int NewListId() => Random.Shared.Next(1, 1_000_000_000);

    private IssuedCredentialRow Row(Guid userId, int listId, int index, string kind = "skill", string? skillId = "teamwork") => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        Kind = kind,
        SkillId = skillId,
        StatusListId = listId,
        StatusListIndex = index,
        Status = "Issued",
        IssuedAt = fixture.Time.GetUtcNow(),
        Kid = "kid-1",
    };

    [Fact]
    public async Task TryCreateAsync_NewRow_IsListedForItsOwnerOnly()
    {
        var owner = await NewJobSeekerAsync();
        var other = await NewJobSeekerAsync();
        var row = Row(owner, NewListId(), 17);

        Assert.True(await _repository.TryCreateAsync(row));

        var listed = Assert.Single(await _repository.ListOfUserAsync(owner));
        Assert.Equal(row.Id, listed.Id);
        Assert.Equal(owner, listed.UserId);
        Assert.Equal("skill", listed.Kind);
        Assert.Equal("teamwork", listed.SkillId);
        Assert.Equal(row.StatusListId, listed.StatusListId);
        Assert.Equal(17, listed.StatusListIndex);
        Assert.Equal("Issued", listed.Status);
        Assert.Equal(row.IssuedAt, listed.IssuedAt);
        Assert.Null(listed.RevokedAt);
        Assert.Equal("kid-1", listed.Kid);
        Assert.Empty(await _repository.ListOfUserAsync(other));
        Assert.Null(await _repository.GetOfUserAsync(row.Id, other));
        Assert.NotNull(await _repository.GetOfUserAsync(row.Id, owner));
    }

    [Fact]
    public async Task TryCreateAsync_BitTakenInTheSameList_ReturnsFalseAndWritesNothing()
    {
        var owner = await NewJobSeekerAsync();
        var listId = NewListId();
        Assert.True(await _repository.TryCreateAsync(Row(owner, listId, 5)));

        Assert.False(await _repository.TryCreateAsync(Row(owner, listId, 5)));
        Assert.True(await _repository.TryCreateAsync(Row(owner, listId + 1, 5)));

        Assert.Equal(2, (await _repository.ListOfUserAsync(owner)).Count);
    }

    [Fact]
    public async Task RevokeAsync_OwnersCredential_SetsTheBitAndKeepsTheFirstTimeWhenRepeated()
    {
        var owner = await NewJobSeekerAsync();
        var listId = NewListId();
        var row = Row(owner, listId, 99);
        await _repository.TryCreateAsync(row);
        await _repository.TryCreateAsync(Row(owner, listId, 100));
        var first = fixture.Time.GetUtcNow();

        Assert.True(await _repository.RevokeAsync(row.Id, owner, first));
        Assert.True(await _repository.RevokeAsync(row.Id, owner, first.AddHours(1)));

        var stored = await _repository.GetOfUserAsync(row.Id, owner);
        Assert.Equal("Revoked", stored!.Status);
        Assert.Equal(first, stored.RevokedAt);
        Assert.Equal([99], await _repository.RevokedIndexesAsync(listId));
    }

    [Fact]
    public async Task RevokeAsync_SomeoneElsesCredential_ReturnsFalseAndChangesNothing()
    {
        var owner = await NewJobSeekerAsync();
        var other = await NewJobSeekerAsync();
        var listId = NewListId();
        var row = Row(owner, listId, 3);
        await _repository.TryCreateAsync(row);

        Assert.False(await _repository.RevokeAsync(row.Id, other, fixture.Time.GetUtcNow()));

        Assert.Equal("Issued", (await _repository.GetOfUserAsync(row.Id, owner))!.Status);
        Assert.Empty(await _repository.RevokedIndexesAsync(listId));
    }

    [Fact]
    public async Task RevokeAndUnlinkAllAsync_ErasedAccount_KeepsTheBitsSetAndNothingPersonal()
    {
        var owner = await NewJobSeekerAsync();
        var bystander = await NewJobSeekerAsync();
        var listId = NewListId();
        var skill = Row(owner, listId, 1);
        var summary = Row(owner, listId, 2, "summary", null);
        await _repository.TryCreateAsync(skill);
        await _repository.TryCreateAsync(summary);
        await _repository.TryCreateAsync(Row(bystander, listId, 3));

        Assert.Equal(2, await _repository.RevokeAndUnlinkAllAsync(owner, fixture.Time.GetUtcNow()));
        await using (var connection = await fixture.Database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("DELETE FROM users WHERE id = @owner", new { owner });
        }

        Assert.Empty(await _repository.ListOfUserAsync(owner));
        Assert.Equal([1, 2], (await _repository.RevokedIndexesAsync(listId)).Order());
        Assert.Equal("Issued", Assert.Single(await _repository.ListOfUserAsync(bystander)).Status);
        await using var check = await fixture.Database.OpenConnectionAsync();
        var leftovers = await check.QueryAsync<(long Count, long Linked)>(
            "SELECT COUNT(*), COUNT(user_id) + COUNT(skill_id) FROM issued_credentials WHERE id IN (@skillId, @summaryId)",
            new { skillId = skill.Id, summaryId = summary.Id });
        Assert.Equal((2L, 0L), Assert.Single(leftovers));
    }

    [Fact]
    public async Task UserDeleted_WithoutErasureStep_RowStaysWithoutItsOwner()
    {
        var owner = await NewJobSeekerAsync();
        var listId = NewListId();
        var row = Row(owner, listId, 8);
        await _repository.TryCreateAsync(row);

        await using var connection = await fixture.Database.OpenConnectionAsync();
        await connection.ExecuteAsync("DELETE FROM users WHERE id = @owner", new { owner });

        Assert.Null(await connection.ExecuteScalarAsync<string?>("SELECT CAST(user_id AS TEXT) FROM issued_credentials WHERE id = @id", new { id = row.Id }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM issued_credentials WHERE id = @id", new { id = row.Id }));
    }

    [Fact]
    public async Task NewestListAsync_SeveralLists_ReturnsTheHighestWithItsCount()
    {
        var owner = await NewJobSeekerAsync();
        // Above every other test's list (see NewListId), so this one is the newest whatever else ran.
        const int listId = 2_000_000_000;
        await _repository.TryCreateAsync(Row(owner, listId - 1, 1));
        await _repository.TryCreateAsync(Row(owner, listId, 1));
        await _repository.TryCreateAsync(Row(owner, listId, 2));

        var newest = await _repository.NewestListAsync();

        Assert.Equal(listId, newest.ListId);
        Assert.Equal(2, newest.Taken);
    }
}

public sealed class SqliteCredentialRepositoryTests(SqliteFixture fixture) : CredentialRepositoryTests(fixture), IClassFixture<SqliteFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresCredentialRepositoryTests(PostgresFixture fixture) : CredentialRepositoryTests(fixture), IClassFixture<PostgresFixture>;
