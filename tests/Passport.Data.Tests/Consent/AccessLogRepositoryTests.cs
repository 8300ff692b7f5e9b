using Passport.Data.Consent;
using Passport.Data.Tests.Database;
using Passport.Domain.Accounts;

namespace Passport.Data.Tests.Consent;

public abstract class AccessLogRepositoryTests(DatabaseFixture fixture)
{
    private readonly AccessLogRepository _repository = new(fixture.Database);

    private readonly AccessLogWriter _writer = new(fixture.Database);

    [Fact]
    public async Task ListForSubject_PagedByTimeAndId_NeverSkipsReadsThatShareATimestamp()
    {
        var subject = await fixture.NewUserAsync(Roles.JobSeeker);
        var at = fixture.Time.GetUtcNow();
        var entries = new[] { at, at, at, at.AddMinutes(-1) }.Select(time => Entry(subject, time)).ToList();
        foreach (var entry in entries)
        {
            await _writer.AppendAsync(entry);
        }

        var seen = new List<Guid>();
        AccessLogRow? last = null;
        for (var page = 0; page < entries.Count + 1; page++)
        {
            var rows = await _repository.ListForSubjectAsync(subject, 1, last?.AccessedAt, last?.Id);
            if (rows.Count == 0)
            {
                break;
            }

            last = Assert.Single(rows);
            seen.Add(last.Id);
        }

        Assert.Equal(entries.Count, seen.Count);
        Assert.Equal(entries.Select(entry => entry.Id).Order(), seen.Order());
        Assert.Equal(entries[3].Id, seen[^1]);
    }

    [Fact]
    public async Task AppendMany_MoreEntriesThanOneStatementHolds_WritesEveryOneWithAllItsFields()
    {
        var subjects = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            subjects.Add(await fixture.NewUserAsync(Roles.JobSeeker));
        }

        var reader = await fixture.NewUserAsync(Roles.JobSeeker);
        var at = fixture.Time.GetUtcNow();
        // 250 entries: three multi-row statements of the batch (at most 99 rows each).
        var entries = Enumerable.Range(0, 250).Select(i =>
        {
            var entry = Entry(subjects[i % subjects.Count], at.AddMilliseconds(i));
            entry.ActorUserId = reader;
            entry.ActorName = i % 2 == 0 ? "Noor" : null;
            entry.OrganisationName = "Brightwatt";
            entry.Purpose = $"Vacancy {i}";
            return entry;
        }).ToList();

        await _writer.AppendAsync(entries);

        var stored = new List<AccessLogRow>();
        foreach (var subject in subjects)
        {
            stored.AddRange(await _repository.ListForSubjectAsync(subject, 500));
        }

        Assert.Equal(entries.Select(entry => entry.Id).Order(), stored.Select(row => row.Id).Order());
        var sample = stored.Single(row => row.Id == entries[137].Id);
        Assert.Equal(
            (entries[137].SubjectUserId, entries[137].AccessedAt, (Guid?)reader, (string?)null, "Brightwatt", "skills", "Vacancy 137", "Api"),
            (sample.SubjectUserId, sample.AccessedAt, sample.ActorUserId, sample.ActorName, sample.OrganisationName, sample.Categories, sample.Purpose, sample.Channel));
        await _writer.AppendAsync([]);
    }

    [Fact]
    public async Task AppendMany_OneEntryFails_WritesNoneOfThem()
    {
        var subject = await fixture.NewUserAsync(Roles.JobSeeker);
        var at = fixture.Time.GetUtcNow();
        var entries = Enumerable.Range(0, 150).Select(i => Entry(subject, at.AddMilliseconds(i))).ToList();
        // The last entry repeats the first one's id, so the last statement of the batch fails.
        entries.Add(Entry(subject, at));
        entries[^1].Id = entries[0].Id;

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => _writer.AppendAsync(entries));

        Assert.Empty(await _repository.ListForSubjectAsync(subject, 500));
    }

    [Fact]
    public async Task ForgetReader_ErasedStaffMember_KeepsTheReadWithoutTheirName()
    {
        var subject = await fixture.NewUserAsync(Roles.JobSeeker);
        var reader = await fixture.NewUserAsync(Roles.JobSeeker);
        var entry = Entry(subject, fixture.Time.GetUtcNow());
        entry.ActorUserId = reader;
        entry.ActorName = "Noor";
        await _writer.AppendAsync(entry);

        await _repository.ForgetReaderAsync(reader);

        var kept = Assert.Single(await _repository.ListForSubjectAsync(subject, 10));
        Assert.Null(kept.ActorName);
        Assert.Null(kept.ActorUserId);
        Assert.Equal("skills", kept.Categories);
    }

    private static AccessLogRow Entry(Guid subject, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        SubjectUserId = subject,
        AccessedAt = at,
        Categories = "skills",
        Purpose = "Job",
        Channel = "Api",
    };
}

public sealed class SqliteAccessLogRepositoryTests(SqliteFixture fixture) : AccessLogRepositoryTests(fixture), IClassFixture<SqliteFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresAccessLogRepositoryTests(PostgresFixture fixture) : AccessLogRepositoryTests(fixture), IClassFixture<PostgresFixture>;
