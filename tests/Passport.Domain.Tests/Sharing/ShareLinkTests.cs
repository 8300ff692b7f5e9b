using Passport.Domain.Consent;
using Passport.Domain.Sharing;

namespace Passport.Domain.Tests.Sharing;

public sealed class ShareLinkTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static ShareLink NewLink(DateTimeOffset? expiresAt = null) =>
        ShareLink.Create(Guid.NewGuid(), Guid.NewGuid(), ShareLinkToken.Create().Hash, new ShareLinkDraft([DataCategory.Skills], expiresAt ?? Now.AddDays(14), "Fair"), Now);

    [Fact]
    public void Create_New_IsActiveAndOpensUntilItsEndDate()
    {
        var link = NewLink();

        Assert.Equal(ShareLinkStatus.Active, link.Status);
        Assert.True(link.OpensAt(Now));
        Assert.True(link.OpensAt(Now.AddDays(14).AddTicks(-1)));
        Assert.False(link.OpensAt(Now.AddDays(14)));
        Assert.Equal(0, link.OpenCount);
    }

    [Fact]
    public void Revoke_Active_StopsAtOnceAndIsFinal()
    {
        var link = NewLink();

        link.Revoke(Now.AddMinutes(5));

        Assert.Equal(ShareLinkStatus.Revoked, link.Status);
        Assert.Equal(Now.AddMinutes(5), link.RevokedAt);
        Assert.False(link.OpensAt(Now.AddMinutes(5)));
        Assert.False(link.CanRevoke);
        Assert.Throws<InvalidOperationException>(() => link.Revoke(Now.AddMinutes(6)));
        Assert.Throws<InvalidOperationException>(link.Expire);
    }

    [Fact]
    public void Expire_AfterTheEndDate_IsFinal()
    {
        var link = NewLink(Now.AddDays(1));

        Assert.False(link.HasLapsed(Now));
        Assert.True(link.HasLapsed(Now.AddDays(1)));
        link.Expire();

        Assert.Equal(ShareLinkStatus.Expired, link.Status);
        Assert.False(link.HasLapsed(Now.AddDays(2)));
        Assert.False(link.CanRevoke);
        Assert.Throws<InvalidOperationException>(() => link.Revoke(Now.AddDays(2)));
    }

    [Fact]
    public void Token_Created_Is43Base64UrlCharactersAndOnlyItsHashIsKept()
    {
        var (token, hash) = ShareLinkToken.Create();
        var link = ShareLink.Create(Guid.NewGuid(), Guid.NewGuid(), hash, new ShareLinkDraft([DataCategory.Skills], Now.AddDays(1), null), Now);

        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.Matches("^[0-9a-f]{64}$", link.TokenHash);
        Assert.NotEqual(token, link.TokenHash);
        Assert.True(ShareLinkToken.TryHash(token, out var looked));
        Assert.Equal(hash, looked);
    }

    [Fact]
    public void Token_TwoCreated_Differ() => Assert.NotEqual(ShareLinkToken.Create().Token, ShareLinkToken.Create().Token);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Token_Malformed_HasNoHash(string? candidate) => Assert.False(ShareLinkToken.TryHash(candidate, out _));

    [Fact]
    public void ToDotGraph_ListsEveryState()
    {
        var graph = ShareLinkLifecycle.ToDotGraph();

        Assert.All(Enum.GetNames<ShareLinkStatus>(), name => Assert.Contains(name, graph, StringComparison.Ordinal));
    }

    [Fact]
    public void DocsGraph_MatchesTheMachine() =>
        Assert.Equal(LifecycleDocs.Normalise(ShareLinkLifecycle.ToDotGraph()), LifecycleDocs.Read("share-link.dot"));
}
