using Passport.Domain.Places;
using Passport.Domain.Plans;

namespace Passport.Domain.Tests.Plans;

public sealed class PlanBarriersTests
{
    [Fact]
    public void Check_KnownBarriersInAnyOrderWithRepeats_AnswersEachOnceInListOrder()
    {
        var errors = PlanBarriers.Check([PlanBarriers.Money, PlanBarriers.Health, PlanBarriers.Money], out var barriers);

        Assert.True(errors.IsValid);
        Assert.Equal([PlanBarriers.Health, PlanBarriers.Money], barriers);
    }

    [Fact]
    public void Check_UnknownBarrier_IsRefusedAndNothingAnswered()
    {
        var errors = PlanBarriers.Check([PlanBarriers.Money, "lottery"], out var barriers);

        Assert.False(errors.IsValid);
        Assert.Contains(errors.Errors, error => error.Field == "barriers" && error.Code == "Plan.Barriers.Unknown");
        Assert.Empty(barriers);
    }

    [Fact]
    public void Check_NoList_IsRefused() => Assert.False(PlanBarriers.Check(null, out _).IsValid);

    [Fact]
    public void All_HaveStableDistinctIds() => Assert.Equal(PlanBarriers.All.Count, PlanBarriers.All.Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public void PlaceCatalog_District_DefaultsToThePlaceItself()
    {
        var catalog = new PlaceCatalog([new Place("a", "NL", "Aa", 51, 5), new Place("b", "NL", "Bee", 51, 5, "Aa en Bee")]);

        Assert.Equal("Aa", catalog.DistrictOf("a"));
        Assert.Equal("Aa en Bee", catalog.DistrictOf("b"));
        Assert.Null(catalog.DistrictOf("c"));
    }

    [Fact]
    public void PlaceCatalog_EmptyDistrict_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new PlaceCatalog([new Place("a", "NL", "Aa", 51, 5, " ")]));
}
