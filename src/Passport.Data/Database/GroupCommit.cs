using System.Collections.Concurrent;
using System.Data.Common;

namespace Passport.Data.Database;

/// <summary>
/// Commits writes that arrive together in one transaction (group commit). Whoever finds the writer free writes
/// every write queued so far in one transaction; each caller is released when the transaction holding its write
/// commits, so every write is as durable as if it had its own. SQLite has one writer and each commit waits for
/// the disk: one transaction per answer capped a host at a few hundred answers a second, and writers queueing
/// for SQLite's lock waited in growing sleeps (docs/benchmarks.md).
/// </summary>
/// <remarks>
/// When a shared transaction fails, each of its writes is run again alone. The failure may have come after the
/// commit reached the database (a connection lost while committing), so a write must be idempotent: run again
/// over its own committed result it must report what it finds, never fail on it (e.g. a duplicate key).
/// </remarks>
public sealed class GroupCommit(PassportDatabase database) : IDisposable
{
    private const int MaxBatch = 256;

    private readonly ConcurrentQueue<PendingWrite> _pending = new();
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Runs <paramref name="write"/> in a shared transaction; completes once that transaction is committed.</summary>
    /// <remarks>A write must not depend on another write of the same batch failing or succeeding.</remarks>
    public async Task WriteAsync(Func<DbConnection, DbTransaction, Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        await WriteAsync<bool>(
            async (connection, transaction) =>
            {
                await write(connection, transaction);
                return true;
            },
            cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="write"/> in a shared transaction and answers what it returned in the attempt that
    /// committed; completes once that transaction is committed.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken = default)
    {
        var pending = new PendingWrite<T>(write);
        _pending.Enqueue(pending);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            if (!pending.Done.IsCompleted)
            {
                await WriteQueuedAsync();
            }
        }
        finally
        {
            _writer.Release();
        }

        return await pending.Stored.Task;
    }

    public void Dispose() => _writer.Dispose();

    private async Task WriteQueuedAsync()
    {
        var batch = new List<PendingWrite>();
        while (batch.Count < MaxBatch && _pending.TryDequeue(out var next))
        {
            batch.Add(next);
        }

        try
        {
            await CommitAsync(batch);
            batch.ForEach(write => write.Commit());
        }
        catch (Exception batchFailure) when (batchFailure is not OutOfMemoryException)
        {
            // One bad row, or a lost connection, must not fail the writes that happened to share its transaction:
            // write each alone, so every caller learns the outcome of its own write. Any failure counts, not only a
            // database error: a caller whose write is never settled would wait for ever.
            foreach (var write in batch)
            {
                try
                {
                    await CommitAsync([write]);
                    write.Commit();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    write.Fail(ex);
                }
            }
        }
    }

    private async Task CommitAsync(IReadOnlyList<PendingWrite> batch)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var write in batch)
        {
            await write.RunAsync(connection, transaction);
        }

        await transaction.CommitAsync();
    }

    private abstract class PendingWrite
    {
        public abstract Task Done { get; }

        /// <summary>Runs the write in the transaction; what it returns is kept until the transaction commits.</summary>
        public abstract Task RunAsync(DbConnection connection, DbTransaction transaction);

        /// <summary>The transaction of the last run committed: the caller gets that run's result.</summary>
        public abstract void Commit();

        public abstract void Fail(Exception exception);
    }

    private sealed class PendingWrite<T>(Func<DbConnection, DbTransaction, Task<T>> write) : PendingWrite
    {
        private T _result = default!;

        public TaskCompletionSource<T> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override Task Done => Stored.Task;

        public override async Task RunAsync(DbConnection connection, DbTransaction transaction) =>
            _result = await write(connection, transaction);

        public override void Commit() => Stored.TrySetResult(_result);

        public override void Fail(Exception exception) => Stored.TrySetException(exception);
    }
}
