using Passport.Domain.Credentials;

namespace Passport.Domain.Tests.Credentials;

public sealed class CredentialLifecycleTests
{
    [Fact]
    public void Revoke_Issued_BecomesRevoked()
    {
        var status = CredentialStatus.Issued;
        var lifecycle = new CredentialLifecycle(() => status, value => status = value);

        Assert.False(lifecycle.IsRevoked);
        Assert.True(lifecycle.Revoke());

        Assert.Equal(CredentialStatus.Revoked, status);
        Assert.True(lifecycle.IsRevoked);
    }

    [Fact]
    public void Revoke_AlreadyRevoked_ChangesNothing()
    {
        var status = CredentialStatus.Revoked;
        var lifecycle = new CredentialLifecycle(() => status, value => status = value);

        Assert.False(lifecycle.Revoke());

        Assert.Equal(CredentialStatus.Revoked, status);
    }

    [Fact]
    public void ToDotGraph_ListsEveryState()
    {
        var graph = CredentialLifecycle.ToDotGraph();

        Assert.All(Enum.GetNames<CredentialStatus>(), name => Assert.Contains(name, graph, StringComparison.Ordinal));
    }

    [Fact]
    public void DocsGraph_MatchesTheMachine() =>
        Assert.Equal(LifecycleDocs.Normalise(CredentialLifecycle.ToDotGraph()), LifecycleDocs.Read("credential.dot"));
}
