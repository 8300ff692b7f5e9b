using Orleans.Runtime;
using Passport.Grains.Storage;
using Passport.Web.Hosting;

namespace Passport.Web.Tests.Resilience;

/// <summary>Which failures answer 503 rather than 500, and how long clients are asked to wait.</summary>
public sealed class OutagesTests
{
    [Fact]
    public void Of_SiloUnavailable_IsServerOutage() =>
        Assert.Equal(Outage.Server, Outages.Of(new SiloUnavailableException("The target silo became unavailable")));

    [Fact]
    public void Of_GrainCallTimedOutInsideAggregate_IsServerOutage() =>
        Assert.Equal(Outage.Server, Outages.Of(new AggregateException(new InvalidOperationException("wrapper", new TimeoutException("Response did not arrive on time")))));

    [Fact]
    public void Of_StorageUnavailable_IsStorageOutage() =>
        Assert.Equal(Outage.Storage, Outages.Of(new StorageUnavailableException("database down")));

    [Fact]
    public void Of_ProgrammingError_IsNoOutage() =>
        Assert.Null(Outages.Of(new InvalidOperationException("a bug", new ArgumentException("bad"))));

    [Fact]
    public void RetryAfter_ServerOutage_IsShorterThanStorageOutage()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), Outages.RetryAfter(Outage.Server));
        Assert.Equal(TimeSpan.FromSeconds(30), Outages.RetryAfter(Outage.Storage));
    }
}
