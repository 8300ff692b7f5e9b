using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Passport.Web.Accounts;

namespace Passport.Web.Benchmarks;

/// <summary>
/// <c>/hubs/echo</c>: pushes what it receives straight back to the caller. Same policy and token handling as the
/// sprint hub, but no grain or database work, so its latency under the same connection count and message rate is
/// the ceiling the sprint hub is compared with (tests/Passport.Load, docs/benchmarks.md). Mapped only when
/// <c>Benchmarks:EchoHub</c> is true.
/// </summary>
[Authorize(Policy = Policies.JobSeeker)]
public sealed class EchoHub : Hub
{
    public const string Path = "/hubs/echo";
    public const string EchoedEvent = "Echoed";

    /// <summary>Sends <c>Echoed(sentAtTicks, payload)</c> back to the caller.</summary>
    public Task Echo(long sentAtTicks, string payload) =>
        Clients.Caller.SendAsync(EchoedEvent, sentAtTicks, payload);
}
