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
public sealed class GroupCommit(PassportDatabase database) : IDisposable
{
    private const int MaxBatch = 256;

    private readonly ConcurrentQueue<PendingWrite> _pending = new();
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Runs <paramref name="write"/> in a shared transaction; completes once that transaction is committed.</summary>
    /// <remarks>A write must not depend on another write of the same batch failing or succeeding.</remarks>
    public async Task WriteAsync(Func<DbConnection, DbTransaction, Task> write, CancellationToken cancellationToken = default)
    {
        var pending = new PendingWrite(write);
        _pending.Enqueue(pending);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            if (!pending.Stored.Task.IsCompleted)
            {
                await WriteQueuedAsync();
            }
        }
        finally
        {
            _writer.Release();
        }

        await pending.Stored.Task;
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
            batch.ForEach(write => write.Stored.TrySetResult());
        }
        catch (DbException)
        {
            // One bad row must not fail the writes that happened to share its transaction: write each alone,
            // so every caller learns the outcome of its own write.
            foreach (var write in batch)
            {
                try
                {
                    await CommitAsync([write]);
                    write.Stored.TrySetResult();
                }
                catch (DbException ex)
                {
                    write.Stored.TrySetException(ex);
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
            await write.Write(connection, transaction);
        }

        await transaction.CommitAsync();
    }

    private sealed record PendingWrite(Func<DbConnection, DbTransaction, Task> Write)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
