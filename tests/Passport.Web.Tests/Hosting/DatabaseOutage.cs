using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;
using Passport.Data.Database;
using Passport.Testing;

namespace Passport.Web.Tests.Hosting;

/// <summary>
/// Makes a test database unreachable for a running host, and reachable again. PostgreSQL: the host connects through a
/// relay of ours, which stops listening and cuts every open connection, as a database server that went down.
/// SQLite: the file is moved away and a folder put in its place, so opening it fails as with a broken disk.
/// </summary>
public sealed class DatabaseOutage : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly Relay? _relay;

    private DatabaseOutage(TestDatabase database, Relay? relay)
    {
        _database = database;
        _relay = relay;
    }

    public bool IsOn { get; private set; }

    public static DatabaseOutage For(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Provider == StorageProvider.Sqlite)
        {
            return new DatabaseOutage(database, null);
        }

        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        return new DatabaseOutage(database, new Relay(target.Host!, target.Port));
    }

    /// <summary>The database settings for the host: those of <see cref="TestDatabase.Settings"/>, through the relay on PostgreSQL.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        foreach (var (key, value) in _database.Settings())
        {
            yield return _relay is not null && key == "ConnectionStrings:Passport"
                ? new(key, new NpgsqlConnectionStringBuilder(value) { Host = "127.0.0.1", Port = _relay.Port, Timeout = 5 }.ConnectionString)
                : new(key, value);
        }
    }

    public void Begin()
    {
        if (_relay is not null)
        {
            _relay.Stop();
            NpgsqlConnection.ClearAllPools();
        }
        else
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in SqliteFiles().Where(File.Exists))
            {
                File.Move(file, file + ".away");
            }

            Directory.CreateDirectory(_database.SqlitePath);
        }

        IsOn = true;
    }

    public void End()
    {
        if (_relay is not null)
        {
            _relay.Start();
        }
        else
        {
            Directory.Delete(_database.SqlitePath);
            foreach (var file in SqliteFiles().Where(file => File.Exists(file + ".away")))
            {
                File.Move(file + ".away", file);
            }
        }

        IsOn = false;
    }

    public ValueTask DisposeAsync()
    {
        if (IsOn)
        {
            End();
        }

        _relay?.Stop();
        return ValueTask.CompletedTask;
    }

    private IEnumerable<string> SqliteFiles() => new[] { "", "-wal", "-shm" }.Select(suffix => _database.SqlitePath + suffix);

    /// <summary>A TCP relay to the test PostgreSQL on a fixed local port; stopping it refuses new and cuts open connections.</summary>
    private sealed class Relay
    {
        private readonly string _host;
        private readonly int _targetPort;
        private readonly ConcurrentDictionary<TcpClient, bool> _open = new();
        private TcpListener? _listener;

        public Relay(string host, int targetPort)
        {
            _host = host;
            _targetPort = targetPort;
            Port = FreePorts.Next();
            Start();
        }

        public int Port { get; }

        public void Start()
        {
            var listener = new TcpListener(IPAddress.Loopback, Port);
            listener.Start();
            _listener = listener;
            _ = AcceptAsync(listener);
        }

        public void Stop()
        {
            _listener?.Stop();
            _listener = null;
            foreach (var client in _open.Keys)
            {
                client.Dispose();
            }

            _open.Clear();
        }

        private async Task AcceptAsync(TcpListener listener)
        {
            while (true)
            {
                TcpClient incoming;
                try
                {
                    incoming = await listener.AcceptTcpClientAsync();
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
                {
                    return; // stopped
                }

                _ = RelayAsync(incoming);
            }
        }

        private async Task RelayAsync(TcpClient incoming)
        {
            using var outgoing = new TcpClient();
            _open[incoming] = true;
            _open[outgoing] = true;
            try
            {
                await outgoing.ConnectAsync(_host, _targetPort);
                var up = incoming.GetStream().CopyToAsync(outgoing.GetStream());
                var down = outgoing.GetStream().CopyToAsync(incoming.GetStream());
                await Task.WhenAny(up, down);
                // One side closed (or the relay was stopped): close the other, and let both copies end.
                incoming.Dispose();
                outgoing.Dispose();
                await Task.WhenAll(up, down);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
                // The connection is cut, which is what a stopped relay is for.
            }
            finally
            {
                _open.TryRemove(incoming, out _);
                _open.TryRemove(outgoing, out _);
                incoming.Dispose();
            }
        }
    }
}
