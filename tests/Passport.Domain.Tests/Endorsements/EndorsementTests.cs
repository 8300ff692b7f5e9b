using Passport.Domain.Endorsements;
using Passport.Domain.Localization;
using Passport.Domain.Skills;

namespace Passport.Domain.Tests.Endorsements;

public sealed class EndorsementLifecycleTests
{
    private static EndorsementLifecycle Lifecycle(EndorsementStatus start, Action<EndorsementStatus> write) =>
        new(() => start, value => { start = value; write(value); });

    [Fact]
    public void Lifecycle_Pending_IsHiddenUntilAccepted()
    {
        var status = EndorsementStatus.Pending;
        var lifecycle = new EndorsementLifecycle(() => status, value => status = value);

        Assert.False(lifecycle.IsShown);
        Assert.True(lifecycle.CanAccept && lifecycle.CanDecline);
        Assert.False(lifecycle.CanWithdraw);
        lifecycle.Accept();

        Assert.Equal(EndorsementStatus.Accepted, status);
        Assert.True(lifecycle.IsShown);
        Assert.True(lifecycle.CanWithdraw);
    }

    [Fact]
    public void Lifecycle_AcceptedThenWithdrawn_IsFinal()
    {
        var status = EndorsementStatus.Accepted;
        var lifecycle = new EndorsementLifecycle(() => status, value => status = value);

        Assert.False(lifecycle.CanAccept || lifecycle.CanDecline);
        lifecycle.Withdraw();

        Assert.Equal(EndorsementStatus.Withdrawn, status);
        Assert.False(lifecycle.IsShown);
        Assert.Throws<InvalidOperationException>(lifecycle.Accept);
        Assert.Throws<InvalidOperationException>(lifecycle.Withdraw);
    }

    [Fact]
    public void Lifecycle_Declined_RefusesEveryMove()
    {
        var written = new List<EndorsementStatus>();
        var lifecycle = Lifecycle(EndorsementStatus.Declined, written.Add);

        Assert.False(lifecycle.CanAccept || lifecycle.CanDecline || lifecycle.CanWithdraw);
        Assert.Throws<InvalidOperationException>(lifecycle.Accept);
        Assert.Throws<InvalidOperationException>(lifecycle.Decline);
        Assert.Throws<InvalidOperationException>(lifecycle.Withdraw);
        Assert.Empty(written);
    }

    [Fact]
    public void Lifecycle_Pending_CannotBeWithdrawn()
    {
        var status = EndorsementStatus.Pending;
        var lifecycle = new EndorsementLifecycle(() => status, value => status = value);

        Assert.Throws<InvalidOperationException>(lifecycle.Withdraw);
        Assert.Equal(EndorsementStatus.Pending, status);
    }

    [Fact]
    public void ToDotGraph_ListsEveryState()
    {
        var graph = EndorsementLifecycle.ToDotGraph();

        Assert.All(Enum.GetNames<EndorsementStatus>(), name => Assert.Contains(name, graph, StringComparison.Ordinal));
    }

    [Fact]
    public void DocsGraph_MatchesTheMachine() =>
        Assert.Equal(LifecycleDocs.Normalise(EndorsementLifecycle.ToDotGraph()), LifecycleDocs.Read("endorsement.dot"));
}

public sealed class EndorsementProposalTests
{
    private static readonly SkillCatalog Skills = new(new[] { "teamwork", "planning" }.Select(id => new Skill(
        id,
        new Uri($"http://data.europa.eu/esco/skill/{id}"),
        Text(id),
        Text(id),
        [.. Enumerable.Range(1, 5).Select(level => Text($"{level}"))],
        [.. Enumerable.Range(1, 5).Select(level => new SkillFeedback(Text("s"), Text("t")))])));

    private static LocalizedText Text(string text) =>
        new(new Dictionary<string, string> { ["en"] = text, ["nl"] = text, ["da"] = text, ["nb"] = text });

    private static IEnumerable<string> Codes(EndorsementProposal proposal) =>
        proposal.Validate(Skills).Errors.Select(error => $"{error.Field}:{error.Code}");

    [Fact]
    public void Validate_KnownSkillAndEvidence_IsValidAndTrimmed()
    {
        var proposal = new EndorsementProposal("teamwork", "  Led the team on busy Saturdays.  ");

        Assert.Empty(Codes(proposal));
        Assert.Equal("Led the team on busy Saturdays.", proposal.CleanEvidence);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("juggling")]
    [InlineData("Teamwork")]
    public void Validate_UnknownSkill_IsRefused(string? skill)
    {
        Assert.Equal(["skillId:Endorsement.Skill.Unknown"], Codes(new EndorsementProposal(skill, "Helped a lot every week.")));
    }

    [Fact]
    public void Validate_EvidenceLength_From10To500Characters()
    {
        Assert.Equal(["evidence:Endorsement.Evidence.Length"], Codes(new EndorsementProposal("planning", "Too short")));
        Assert.Equal(["evidence:Endorsement.Evidence.Length"], Codes(new EndorsementProposal("planning", null)));
        Assert.Equal(["evidence:Endorsement.Evidence.Length"], Codes(new EndorsementProposal("planning", new string('e', 501))));
        Assert.Empty(Codes(new EndorsementProposal("planning", new string('e', 10))));
        Assert.Empty(Codes(new EndorsementProposal("planning", new string('e', 500))));
    }
}
