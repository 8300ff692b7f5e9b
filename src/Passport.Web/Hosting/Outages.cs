using System.Globalization;
using Orleans.Clustering.Redis;
using Passport.Data.Database;
using Passport.Grains.Storage;
using StackExchange.Redis;

namespace Passport.Web.Hosting;

/// <summary>What a host cannot reach when a request fails for a reason outside it.</summary>
public enum Outage
{
    /// <summary>The database (a direct query, or a grain that reported <see cref="StorageUnavailableException"/>).</summary>
    Storage,

    /// <summary>The cluster membership table in Redis: lost, or Redis not answering.</summary>
    Cluster,

    /// <summary>
    /// The silo holding what the request needed stopped or died while answering (a rolling restart, a crash); the
    /// next try reaches the grain on a silo that is still there.
    /// </summary>
    Server,
}

/// <summary>
/// The one place that decides which failures are outages: they answer 503 with <c>Retry-After</c> (problem details
/// for programs, the error page for people) instead of 500, because trying again later is the right thing to do.
/// </summary>
public static class Outages
{
    /// <summary>
    /// What clients are told to wait before trying again: about how long a database restart or fail-over takes, or,
    /// for a silo that went away, about how long the cluster takes to move its grains.
    /// </summary>
    public static TimeSpan RetryAfter(Outage outage) => outage == Outage.Server ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(30);

    public static Outage? Of(Exception? exception)
    {
        if (exception is null)
        {
            return null;
        }

        if (StorageFaults.IsUnavailable(exception) || Wraps<StorageUnavailableException>(exception))
        {
            return Outage.Storage;
        }

        if (Wraps<RedisClusteringException>(exception) || Wraps<RedisException>(exception))
        {
            return Outage.Cluster;
        }

        // A call to a grain whose silo stopped or died mid-call; Orleans reports a call it gave up on as a timeout.
        return Wraps<SiloUnavailableException>(exception) || Wraps<OrleansMessageRejectionException>(exception) || Wraps<TimeoutException>(exception)
            ? Outage.Server
            : null;
    }

    public static void SetRetryAfter(HttpResponse response, Outage outage)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.RetryAfter = ((int)RetryAfter(outage).TotalSeconds).ToString(CultureInfo.InvariantCulture);
    }

    private static bool Wraps<T>(Exception exception) where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T || (current is AggregateException aggregate && aggregate.InnerExceptions.Any(Wraps<T>)))
            {
                return true;
            }
        }

        return false;
    }
}
