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
        var writes = await Task.WhenAll(sessions.Select(session => _repository.RecordResponseAsync(Response(session, "item-1"), Step(session, "item-2"))));

        Assert.All(writes, write => Assert.Equal(SprintWrite.Stored, write));
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
    public async Task RecordResponseAsync_OneAnswerCannotBeStored_FailsOnlyThatAnswerAndAnAnswerStoredBeforeIsNoError()
    {
        var userId = await NewJobSeekerAsync();
        var good = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => NewSessionAsync(userId)));
        var committed = await NewSessionAsync(userId);
        Assert.Equal(SprintWrite.Stored, await _repository.RecordResponseAsync(Response(committed, "item-1"), Step(committed, "item-2")));
        var broken = await NewSessionAsync(userId);
        var impossible = Step(broken, "item-2");
        impossible.Status = "Lost";

        // The broken write fails the shared transaction, so each write runs again alone; the answer committed before
        // (as after a commit whose caller saw an error) comes back as already stored, not as a duplicate key.
        var writes = good.Select(session => _repository.RecordResponseAsync(Response(session, "item-1"), Step(session, "item-2"))).ToList();
        var again = _repository.RecordResponseAsync(Response(committed, "item-1"), Step(committed, "item-2"));
        var failing = _repository.RecordResponseAsync(Response(broken, "item-1"), impossible);

        Assert.All(await Task.WhenAll(writes), write => Assert.Equal(SprintWrite.Stored, write));
        Assert.Equal(SprintWrite.AlreadyStored, await again);
        await Assert.ThrowsAnyAsync<DbException>(() => failing);
        foreach (var session in good)
        {
            Assert.Single(await _repository.GetResponsesOfSessionAsync(session.Id));
        }

        Assert.Empty(await _repository.GetResponsesOfSessionAsync(broken.Id));
        Assert.Equal(("item-2", 1), await StandsAtAsync(committed));
    }

    [Fact]
    public async Task RecordResponseAsync_SameAnswerAgain_IsAlreadyStoredAndWritesNothing()
    {
        var session = await NewSessionAsync(await NewJobSeekerAsync());
        Assert.Equal(SprintWrite.Stored, await _repository.RecordResponseAsync(Response(session, "item-1"), Step(session, "item-2")));

        var again = await _repository.RecordResponseAsync(Response(session, "item-1"), Step(session, "item-2"));

        Assert.Equal(SprintWrite.AlreadyStored, again);
        Assert.Single(await _repository.GetResponsesOfSessionAsync(session.Id));
        Assert.Equal(("item-2", 1), await StandsAtAsync(session));
    }

    [Fact]
    public async Task RecordResponseAsync_OtherAnswerToAnAnsweredItem_IsAConflictAndWritesNothing()
    {
        var session = await NewSessionAsync(await NewJobSeekerAsync());
        Assert.Equal(SprintWrite.Stored, await _repository.RecordResponseAsync(Response(session, "item-1"), Step(session, "item-2")));
        var other = Response(session, "item-1");
        other.Answer = """{"choice":"b"}""";
        var later = Step(session, "item-3");
        later.Version = 2;

        var write = await _repository.RecordResponseAsync(other, later);

        Assert.Equal(SprintWrite.Conflict, write);
        Assert.Equal("""{"choice":"a"}""", Assert.Single(await _repository.GetResponsesOfSessionAsync(session.Id)).Answer);
        Assert.Equal(("item-2", 1), await StandsAtAsync(session));
    }

    [Fact]
    public async Task RecordResponseAsync_FromAnOlderVersionOfTheSession_StoresNeitherTheAnswerNorTheStep()
    {
        var session = await NewSessionAsync(await NewJobSeekerAsync());
        var paused = Step(session, "item-1");
        paused.Status = "Paused";
        Assert.Equal(SprintWrite.Stored, await _repository.UpdateSessionAsync(paused));

        // Read before the pause: it makes version 1 as well, which is taken.
        var write = await _repository.RecordResponseAsync(Response(session, "item-1"), Step(session, "item-2"));

        Assert.Equal(SprintWrite.Conflict, write);
        Assert.Empty(await _repository.GetResponsesOfSessionAsync(session.Id));
        var stored = (await _repository.GetSessionAsync(session.Id))!;
        Assert.Equal(("Paused", "item-1", 1), (stored.Status, stored.CurrentItemId, stored.Version));
    }

    [Fact]
    public async Task UpdateSessionAsync_FromAnOlderVersion_IsAConflictAndTheNewerRowStays()
    {
        var session = await NewSessionAsync(await NewJobSeekerAsync());
        var first = Step(session, "item-2");
        first.Language = "nl";
        Assert.Equal(SprintWrite.Stored, await _repository.UpdateSessionAsync(first));

        var stale = await _repository.UpdateSessionAsync(Step(session, "item-3"));
        var next = first.NextVersion();
        next.CurrentItemId = "item-3";
        var onTop = await _repository.UpdateSessionAsync(next);

        Assert.Equal(SprintWrite.Conflict, stale);
        Assert.Equal(SprintWrite.Stored, onTop);
        var stored = (await _repository.GetSessionAsync(session.Id))!;
        Assert.Equal(("item-3", "nl", 2), (stored.CurrentItemId, stored.Language, stored.Version));
    }

    [Fact]
    public async Task CreateSessionAsync_SameSessionAgain_IsAlreadyStored()
    {
        var session = await NewSessionAsync(await NewJobSeekerAsync());

        var again = await _repository.CreateSessionAsync(session);

        Assert.Equal(SprintWrite.AlreadyStored, again);
        Assert.Equal(0, (await _repository.GetSessionAsync(session.Id))!.Version);
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

    private async Task<(string? CurrentItemId, int Version)> StandsAtAsync(SprintSessionRow session)
    {
        var stored = (await _repository.GetSessionAsync(session.Id))!;
        return (stored.CurrentItemId, stored.Version);
    }

    /// <summary>The step after the session as created: its first write, version 1.</summary>
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
        Version = session.Version + 1,
    };
}

public sealed class SqliteSprintRepositoryTests(SqliteFixture fixture) : SprintRepositoryTests(fixture), IClassFixture<SqliteFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresSprintRepositoryTests(PostgresFixture fixture) : SprintRepositoryTests(fixture), IClassFixture<PostgresFixture>;
