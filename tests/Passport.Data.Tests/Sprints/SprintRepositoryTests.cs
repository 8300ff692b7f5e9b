using System.Data.Common;
using Passport.Data.Accounts;
using Passport.Data.Sprints;
using Passport.Data.Tests.Database;
using Passport.Domain.Accounts;

namespace Passport.Data.Tests.Sprints;

public abstract class SprintRepositoryTests(DatabaseFixture fixture) : IDisposable
{
    private readonly SprintRepository _repository = new(fixture.Database);

    [Fact]
    public async Task RecordResponseAsync_ManyAnswersAtOnce_StoresEveryAnswerWithItsSessionsStep()
    {
        var userId = await NewJobSeekerAsync();
        var sessions = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => NewSessionAsync(userId)));

        // Answers arriving together share commits; each must still be stored with its own session's step.
        await Task.WhenAll(sessions.Select(session => _repository.RecordResponseAsync(Response(session, "item-1"), Step(session, "item-2"))));

        foreach (var session in sessions)
        {
            var stored = Assert.Single(await _repository.GetResponsesOfSessionAsync(session.Id));
            Assert.Equal("item-1", stored.ItemId);
            Assert.Equal(2, stored.Category);
            Assert.Equal("item-2", (await _repository.GetSessionAsync(session.Id))!.CurrentItemId);
        }

        Assert.Equal(40, (await _repository.GetResponsesOfUserAsync(userId)).Count);
    }

    [Fact]
    public async Task RecordResponseAsync_OneAnswerCannotBeStored_FailsOnlyThatAnswer()
    {
        var userId = await NewJobSeekerAsync();
        var good = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => NewSessionAsync(userId)));
        var duplicated = await NewSessionAsync(userId);
        await _repository.RecordResponseAsync(Response(duplicated, "item-1"), Step(duplicated, "item-2"));

        var writes = good.Select(session => _repository.RecordResponseAsync(Response(session, "item-1"), Step(session, "item-2"))).ToList();
        var clash = _repository.RecordResponseAsync(Response(duplicated, "item-1"), Step(duplicated, "item-3"));

        await Task.WhenAll(writes);
        await Assert.ThrowsAnyAsync<DbException>(() => clash);
        foreach (var session in good)
        {
            Assert.Single(await _repository.GetResponsesOfSessionAsync(session.Id));
        }

        Assert.Equal("item-2", (await _repository.GetSessionAsync(duplicated.Id))!.CurrentItemId);
    }

    public void Dispose()
    {
        _repository.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<Guid> NewJobSeekerAsync()
    {
        var email = $"sprint-{Guid.NewGuid():N}@example.org";
        var user = new PassportUser { Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = "Sam", Language = "en" };
        user.Roles.Add(Roles.JobSeeker);
        await new UserStore(fixture.Database, fixture.Time).CreateAsync(user, CancellationToken.None);
        return user.Id;
    }

    private async Task<SprintSessionRow> NewSessionAsync(Guid userId)
    {
        var now = fixture.Time.GetUtcNow();
        var session = new SprintSessionRow
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            SprintId = "team-shift",
            Status = "InProgress",
            Language = "en",
            CurrentItemId = "item-1",
            CurrentPresentedAt = now,
            PresentedCount = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await _repository.CreateSessionAsync(session);
        return session;
    }

    private SprintResponseRow Response(SprintSessionRow session, string itemId) => new()
    {
        SessionId = session.Id,
        ItemId = itemId,
        UserId = session.UserId,
        SkillId = "teamwork",
        Position = 0,
        Answer = """{"choice":"a"}""",
        Category = 2,
        Xp = 17,
        AnsweredAt = fixture.Time.GetUtcNow(),
    };

    private SprintSessionRow Step(SprintSessionRow session, string nextItemId) => new()
    {
        Id = session.Id,
        UserId = session.UserId,
        SprintId = session.SprintId,
        Status = session.Status,
        Language = session.Language,
        CurrentItemId = nextItemId,
        CurrentPresentedAt = fixture.Time.GetUtcNow(),
        PresentedCount = 2,
        CreatedAt = session.CreatedAt,
        UpdatedAt = fixture.Time.GetUtcNow(),
    };
}

public sealed class SqliteSprintRepositoryTests(SqliteFixture fixture) : SprintRepositoryTests(fixture), IClassFixture<SqliteFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresSprintRepositoryTests(PostgresFixture fixture) : SprintRepositoryTests(fixture), IClassFixture<PostgresFixture>;
