using Dapper;
using Passport.Data.Database;
using Passport.Data.Email;
using Passport.Data.Tests.Database;

namespace Passport.Data.Tests.Email;

/// <summary>
/// The outbox: a message is stored with the transaction that queues it, claims never hand one message to two loops,
/// a lease that runs out gives the message to the next claimer, and a stale holder cannot mark it.
/// </summary>
public abstract class OutboxTests(DatabaseFixture fixture)
{
    private readonly OutboxStore _store = new(fixture.Database);

    // Every test works in its own hour, far from the others' rows, and claims only what is due by then.
    private static int _hour;

    private readonly DateTimeOffset _start = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(Interlocked.Increment(ref _hour) * 1000);

    private static OutgoingEmail NewEmail(DateTimeOffset dueAt) => new(
        Guid.CreateVersion7(), $"to-{Guid.NewGuid():N}@example.org", "nl", "invitation", "Onderwerp", "Tekst", "<p>Tekst</p>", dueAt);

    private async Task EnqueueAsync(params OutgoingEmail[] emails)
    {
        await using var connection = await fixture.Database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var email in emails)
        {
            await Outbox.EnqueueAsync(connection, transaction, email, CancellationToken.None);
        }

        await transaction.CommitAsync();
    }

    // Claims only this test's rows: earlier tests' rows are due long before, so a claim "now" would take them too.
    private async Task<IReadOnlyList<OutboxClaim>> ClaimAsync(DateTimeOffset now, IReadOnlyCollection<Guid> mine, int batch = 100, int maxAttempts = 5)
    {
        var claims = await _store.ClaimAsync(now, TimeSpan.FromMinutes(2), batch, maxAttempts, CancellationToken.None);
        return [.. claims.Where(claim => mine.Contains(claim.Message.Id))];
    }

    [Fact]
    public async Task EnqueueAsync_TransactionRolledBack_StoresNothing()
    {
        var email = NewEmail(_start);
        await using (var connection = await fixture.Database.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await Outbox.EnqueueAsync(connection, transaction, email, CancellationToken.None);
            await transaction.RollbackAsync();
        }

        Assert.Null(await _store.FindAsync(email.Id, CancellationToken.None));
    }

    [Fact]
    public async Task EnqueueAsync_Committed_StoresEveryPartAsPending()
    {
        var email = NewEmail(_start);

        await EnqueueAsync(email);

        var stored = await _store.FindAsync(email.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal((email.To, email.Language, email.Kind, email.Subject, email.Text, email.Html, email.DueAt),
            (stored.Recipient, stored.Language, stored.Kind, stored.Subject, stored.Text, stored.Html, stored.DueAt));
        Assert.Equal(OutboxStatus.Pending, stored.Status);
        Assert.Equal(0, stored.Attempts);
        Assert.Null(stored.SentAt);
    }

    [Fact]
    public async Task EnqueueAsync_SameIdTwice_StoresOneMessage()
    {
        var email = NewEmail(_start);

        await EnqueueAsync(email);
        await EnqueueAsync(email with { Subject = "Again" });

        await using var connection = await fixture.Database.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outgoing_emails WHERE id = @Id", new { email.Id }));
        Assert.Equal("Onderwerp", (await _store.FindAsync(email.Id, CancellationToken.None))!.Subject);
    }

    [Fact]
    public async Task ClaimAsync_NotYetDue_ClaimsNothing()
    {
        var email = NewEmail(_start.AddMinutes(10));
        await EnqueueAsync(email);

        Assert.Empty(await ClaimAsync(_start.AddMinutes(9), [email.Id]));
        Assert.Single(await ClaimAsync(_start.AddMinutes(10), [email.Id]));
    }

    [Fact]
    public async Task ClaimAsync_Claimed_IsNotClaimedAgainUntilTheLeaseEnds()
    {
        var email = NewEmail(_start);
        await EnqueueAsync(email);

        var first = Assert.Single(await ClaimAsync(_start, [email.Id]));
        Assert.Empty(await ClaimAsync(_start.AddMinutes(1), [email.Id]));
        var second = Assert.Single(await ClaimAsync(_start.AddMinutes(2), [email.Id]));

        Assert.Equal(1, first.Message.Attempts);
        Assert.Equal(2, second.Message.Attempts);
        Assert.NotEqual(first.LeaseToken, second.LeaseToken);
        // The first holder's lease ended: its late mark must not count, the second holder's does.
        Assert.False(await _store.MarkSentAsync(first, _start.AddMinutes(3), CancellationToken.None));
        Assert.True(await _store.MarkSentAsync(second, _start.AddMinutes(3), CancellationToken.None));
        var sent = await _store.FindAsync(email.Id, CancellationToken.None);
        Assert.Equal(OutboxStatus.Sent, sent!.Status);
        Assert.Equal(_start.AddMinutes(3), sent.SentAt);
    }

    [Fact]
    public async Task ClaimAsync_Sent_IsNeverClaimedAgain()
    {
        var email = NewEmail(_start);
        await EnqueueAsync(email);
        var claim = Assert.Single(await ClaimAsync(_start, [email.Id]));
        await _store.MarkSentAsync(claim, _start, CancellationToken.None);

        Assert.Empty(await ClaimAsync(_start.AddDays(1), [email.Id]));
    }

    [Fact]
    public async Task MarkFailedAsync_AttemptsLeft_WaitsUntilRetryThenFailsAtTheLast()
    {
        var email = NewEmail(_start);
        await EnqueueAsync(email);

        var first = Assert.Single(await ClaimAsync(_start, [email.Id], maxAttempts: 2));
        Assert.Equal(OutboxStatus.Pending, await _store.MarkFailedAsync(first, "421 busy", _start.AddMinutes(5), 2, CancellationToken.None));
        Assert.Empty(await ClaimAsync(_start.AddMinutes(4), [email.Id], maxAttempts: 2));
        var second = Assert.Single(await ClaimAsync(_start.AddMinutes(5), [email.Id], maxAttempts: 2));
        Assert.Equal(OutboxStatus.Failed, await _store.MarkFailedAsync(second, "550 no such user", _start.AddMinutes(10), 2, CancellationToken.None));

        Assert.Empty(await ClaimAsync(_start.AddDays(1), [email.Id], maxAttempts: 2));
        var failed = await _store.FindAsync(email.Id, CancellationToken.None);
        Assert.Equal((OutboxStatus.Failed, 2, "550 no such user"), (failed!.Status, failed.Attempts, failed.LastError));
    }

    [Fact]
    public async Task ClaimAsync_AttemptsUsedUpByStoppedSenders_MarksFailedWithoutClaiming()
    {
        var email = NewEmail(_start);
        await EnqueueAsync(email);
        Assert.Single(await ClaimAsync(_start, [email.Id], maxAttempts: 1));

        Assert.Empty(await ClaimAsync(_start.AddMinutes(3), [email.Id], maxAttempts: 1));

        var failed = await _store.FindAsync(email.Id, CancellationToken.None);
        Assert.Equal(OutboxStatus.Failed, failed!.Status);
        Assert.NotNull(failed.LastError);
    }

    [Fact]
    public async Task ClaimAsync_TwoClaimersAtOnce_NeverGetTheSameMessage()
    {
        var emails = Enumerable.Range(0, 40).Select(_ => NewEmail(_start)).ToArray();
        await EnqueueAsync(emails);
        var mine = emails.Select(email => email.Id).ToHashSet();

        var claimers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var taken = new List<Guid>();
            while (true)
            {
                // Unfiltered: a batch of other tests' leftover rows is not the end of this test's rows.
                var batch = await _store.ClaimAsync(_start, TimeSpan.FromMinutes(2), 3, 5, CancellationToken.None);
                if (batch.Count == 0)
                {
                    return taken;
                }

                taken.AddRange(batch.Select(claim => claim.Message.Id).Where(mine.Contains));
            }
        })).ToArray();
        var results = await Task.WhenAll(claimers);

        var all = results.SelectMany(taken => taken).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(mine.Order(), all.Order());
    }

    [Fact]
    public async Task DeleteFinishedAsync_OldSentMessage_IsDeletedPendingKept()
    {
        var sent = NewEmail(_start);
        var pending = NewEmail(_start.AddMinutes(1));
        await EnqueueAsync(sent, pending);
        var claim = Assert.Single(await ClaimAsync(_start, [sent.Id]));
        await _store.MarkSentAsync(claim, _start, CancellationToken.None);

        var deleted = await _store.DeleteFinishedAsync(_start.AddDays(1), CancellationToken.None);

        Assert.Contains(sent.Id, deleted);
        Assert.DoesNotContain(pending.Id, deleted);
        Assert.Null(await _store.FindAsync(sent.Id, CancellationToken.None));
        Assert.NotNull(await _store.FindAsync(pending.Id, CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_Page_ListsNewestFirst()
    {
        var email = NewEmail(_start);
        await EnqueueAsync(email);

        var page = await _store.ListAsync(new PageRequest(1, 1000), CancellationToken.None);

        Assert.Contains(page, message => message.Id == email.Id);
        Assert.Equal(page.OrderByDescending(message => message.CreatedAt).ThenByDescending(message => message.Id).Select(m => m.Id), page.Select(m => m.Id));
    }
}

public sealed class SqliteOutboxTests(SqliteFixture fixture) : OutboxTests(fixture), IClassFixture<SqliteFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresOutboxTests(PostgresFixture fixture) : OutboxTests(fixture), IClassFixture<PostgresFixture>;
