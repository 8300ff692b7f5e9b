using Passport.Domain.Journeys;

namespace Passport.Domain.Tests.Journeys;

public sealed class JourneyStatusesTests
{
    [Fact]
    public void After_NoEvents_IsUnknown() => Assert.Equal(JourneyStatus.Unknown, JourneyStatuses.After([]));

    [Theory]
    [InlineData(JourneyEventKind.StartedSchool, JourneyStatus.School)]
    [InlineData(JourneyEventKind.StartedWork, JourneyStatus.Work)]
    [InlineData(JourneyEventKind.StartedInternship, JourneyStatus.Work)]
    [InlineData(JourneyEventKind.StartedCare, JourneyStatus.Activity)]
    [InlineData(JourneyEventKind.StartedBenefits, JourneyStatus.Activity)]
    [InlineData(JourneyEventKind.LeftSchool, JourneyStatus.Looking)]
    [InlineData(JourneyEventKind.EndedBenefits, JourneyStatus.Looking)]
    [InlineData(JourneyEventKind.Moved, JourneyStatus.Unknown)]
    public void After_OneEvent_GivesItsStatus(JourneyEventKind kind, JourneyStatus expected) =>
        Assert.Equal(expected, JourneyStatuses.After([kind]));

    [Fact]
    public void After_LatestChangeWins_AndAMoveKeepsTheStatus() =>
        Assert.Equal(
            JourneyStatus.Work,
            JourneyStatuses.After([JourneyEventKind.StartedSchool, JourneyEventKind.LeftSchool, JourneyEventKind.StartedWork, JourneyEventKind.Moved]));

    [Fact]
    public void After_EveryKind_IsMapped()
    {
        foreach (var kind in Enum.GetValues<JourneyEventKind>())
        {
            _ = JourneyStatuses.After([kind]);
        }
    }
}
