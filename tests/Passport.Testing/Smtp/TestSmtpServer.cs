using System.Buffers;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;

namespace Passport.Testing.Smtp;

/// <summary>
/// A real SMTP server on a free loopback port for tests that send e-mail. It keeps every message it accepts (parsed
/// by MimeKit), lets a test await one (<see cref="WaitForAsync"/>, woken by the message's arrival, not by polling) and
/// can refuse the next few messages with a temporary error, so a sender's retries can be tested.
/// Use: <c>await using var smtp = await TestSmtpServer.StartAsync();</c> and give the host <see cref="Settings"/>.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    /// <summary>How long <see cref="WaitForAsync"/> waits unless told otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly List<MimeMessage> _messages = [];
    private readonly List<Waiter> _waiters = [];
    private readonly CancellationTokenSource _stop = new();
    private SmtpServerHost? _server;
    private Task? _running;
    private int _refuseNext;
    private int _refused;

    private TestSmtpServer()
    {
    }

    public static string Host => IPAddress.Loopback.ToString();

    public int Port { get; private set; }

    /// <summary>Messages refused on purpose so far.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>The messages accepted so far, in order of arrival.</summary>
    public IReadOnlyList<MimeMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>The settings that point a Passport host at this server (plain SMTP on loopback).</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        yield return new("Email:Smtp:Host", Host);
        yield return new("Email:Smtp:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return new("Email:Smtp:UseTls", "false");
    }

    /// <summary>Starts listening and returns once the server accepts connections.</summary>
    public static async Task<TestSmtpServer> StartAsync()
    {
        var smtp = new TestSmtpServer();
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, started) => listening.TrySetResult(((IPEndPoint)started.LocalEndPoint).Port);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(smtp));
        smtp._server = new SmtpServerHost(options, services);
        smtp._running = smtp._server.StartAsync(smtp._stop.Token);
        var first = await Task.WhenAny(listening.Task, smtp._running).WaitAsync(DefaultTimeout);
        if (first != listening.Task)
        {
            await smtp._running;
            throw new InvalidOperationException("The test SMTP server stopped before it listened.");
        }

        smtp.Port = await listening.Task;
        return smtp;
    }

    /// <summary>Refuses the next <paramref name="count"/> messages with 451 (try again later).</summary>
    public void RefuseNext(int count) => Interlocked.Exchange(ref _refuseNext, count);

    /// <summary>The first message (received already or yet to come) that matches, or a <see cref="TimeoutException"/> naming what did arrive.</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> predicate, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var waiter = new Waiter(predicate);
        lock (_gate)
        {
            var found = _messages.FirstOrDefault(predicate);
            if (found is not null)
            {
                return found;
            }

            _waiters.Add(waiter);
        }

        var limit = timeout ?? DefaultTimeout;
        try
        {
            return await waiter.Arrived.Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"No matching e-mail within {limit.TotalSeconds:0} s; received: [{string.Join("; ", Messages.Select(m => $"{m.To} \"{m.Subject}\""))}], refused {Refused}.");
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>The first message to <paramref name="address"/>.</summary>
    public Task<MimeMessage> WaitForMessageToAsync(string address, TimeSpan? timeout = null) =>
        WaitForAsync(message => message.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)), timeout);

    /// <summary>Every accepted message to <paramref name="address"/> so far.</summary>
    public IReadOnlyList<MimeMessage> MessagesTo(string address) =>
        [.. Messages.Where(message => message.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)))];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _server?.Shutdown();
        if (_server is not null)
        {
            await _server.ShutdownTask.WaitAsync(DefaultTimeout);
        }

        _stop.Dispose();
    }

    private void Accept(MimeMessage message)
    {
        lock (_gate)
        {
            _messages.Add(message);
            foreach (var waiter in _waiters.Where(waiter => waiter.Predicate(message)))
            {
                waiter.Arrived.TrySetResult(message);
            }
        }
    }

    private bool RefuseThisOne()
    {
        while (true)
        {
            var left = Volatile.Read(ref _refuseNext);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _refuseNext, left - 1, left) == left)
            {
                Interlocked.Increment(ref _refused);
                return true;
            }
        }
    }

    private sealed record Waiter(Func<MimeMessage, bool> Predicate)
    {
        public TaskCompletionSource<MimeMessage> Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (server.RefuseThisOne())
            {
                return new SmtpResponse((SmtpReplyCode)451, "Try again later (refused on purpose by the test)");
            }

            await using var stream = new MemoryStream(buffer.ToArray());
            server.Accept(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
