using Passport.Grains.Credentials;

namespace Passport.Grains.Tests.Credentials;

[Collection(ClusterCollection.Name)]
public sealed class CredentialHandoverGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Get_Owner_GetsTheHeldCredentialAgainAndAgain()
    {
        var ownerId = Guid.NewGuid();
        var handover = fixture.Grains.GetGrain<ICredentialHandoverGrain>(Guid.CreateVersion7());

        await handover.HoldAsync(ownerId, "header.payload.signature");

        Assert.Equal("header.payload.signature", await handover.GetAsync(ownerId));
        Assert.Equal("header.payload.signature", await handover.GetAsync(ownerId));
    }

    [Fact]
    public async Task Get_AnyoneButTheOwner_GetsNothing()
    {
        var handover = fixture.Grains.GetGrain<ICredentialHandoverGrain>(Guid.CreateVersion7());
        await handover.HoldAsync(Guid.NewGuid(), "header.payload.signature");

        Assert.Null(await handover.GetAsync(Guid.NewGuid()));
        Assert.Null(await handover.GetAsync(Guid.Empty));
    }

    [Fact]
    public async Task Get_NothingHeld_GetsNothing()
    {
        Assert.Null(await fixture.Grains.GetGrain<ICredentialHandoverGrain>(Guid.CreateVersion7()).GetAsync(Guid.NewGuid()));
    }
}
