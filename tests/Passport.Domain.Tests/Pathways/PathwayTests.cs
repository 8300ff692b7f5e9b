using Passport.Domain.Localization;
using Passport.Domain.Pathways;
using Passport.Domain.Skills;

namespace Passport.Domain.Tests.Pathways;

public sealed class PathwayTests
{
    private static readonly SkillCatalog Skills = new(new[] { "teamwork", "planning", "empathy" }.Select(id => new Skill(
        id,
        new Uri($"http://data.europa.eu/esco/skill/{id}"),
        Text(id),
        Text(id),
        [.. Enumerable.Range(1, 5).Select(level => Text($"{level}"))],
        [.. Enumerable.Range(1, 5).Select(level => new SkillFeedback(Text("s"), Text("t")))])));

    private static LocalizedText Text(string text) =>
        new(new Dictionary<string, string> { ["en"] = text, ["nl"] = text, ["da"] = text, ["nb"] = text });

    private static Pathway Valid() => new(
        "Care assistant",
        [new PathwayModule("Basic care", 4), new PathwayModule("Work placement", 10)],
        new PathwayLocation(52.09, 5.12, "Utrecht"),
        25,
        [new EntryRequirement("empathy", 2)],
        [new SkillGain("empathy", 1.5), new SkillGain("teamwork", 0.5)]);

    private static List<string> Codes(Pathway pathway) =>
        [.. pathway.Validate(Skills).Errors.Select(error => $"{error.Field}:{error.Code}")];

    [Fact]
    public void Validate_Valid_HasNoErrors() => Assert.Empty(Codes(Valid()));

    [Fact]
    public void DurationWeeks_IsTheSumOfTheModules() => Assert.Equal(14, Valid().DurationWeeks);

    [Theory]
    [InlineData("", "title:Pathway.Title.Required")]
    [InlineData("   ", "title:Pathway.Title.Required")]
    public void Validate_BlankTitle_IsRequired(string title, string expected) =>
        Assert.Equal([expected], Codes(Valid() with { Title = title }));

    [Fact]
    public void Validate_TitleOf121Characters_IsTooLong() =>
        Assert.Equal(["title:Pathway.Title.TooLong"], Codes(Valid() with { Title = new string('a', 121) }));

    [Fact]
    public void Validate_TitleOf120Characters_IsValid() => Assert.Empty(Codes(Valid() with { Title = new string('a', 120) }));

    [Fact]
    public void Validate_NoModules_IsRefused() => Assert.Equal(["modules:Pathway.Modules.Count"], Codes(Valid() with { Modules = [] }));

    [Fact]
    public void Validate_TwentyOneModules_IsRefused() =>
        Assert.Equal(["modules:Pathway.Modules.Count"], Codes(Valid() with { Modules = [.. Enumerable.Repeat(new PathwayModule("m", 1), 21)] }));

    [Theory]
    [InlineData(0)]
    [InlineData(53)]
    public void Validate_ModuleWeeksOutOfRange_NamesTheModule(int weeks) =>
        Assert.Equal(["modules[1].weeks:Pathway.Module.Weeks.OutOfRange"],
            Codes(Valid() with { Modules = [new PathwayModule("First", 1), new PathwayModule("Second", weeks)] }));

    [Fact]
    public void Validate_ModuleWithoutTitle_IsRequired() =>
        Assert.Equal(["modules[0].title:Pathway.Module.Title.Required"], Codes(Valid() with { Modules = [new PathwayModule(" ", 2)] }));

    [Theory]
    [InlineData(90.5, 0, "location.latitude:Pathway.Latitude.OutOfRange")]
    [InlineData(200, 0, "location.latitude:Pathway.Latitude.OutOfRange")]
    [InlineData(double.NaN, 0, "location.latitude:Pathway.Latitude.OutOfRange")]
    [InlineData(0, -180.1, "location.longitude:Pathway.Longitude.OutOfRange")]
    public void Validate_CoordinatesOutOfRange_AreRefused(double latitude, double longitude, string expected) =>
        Assert.Equal([expected], Codes(Valid() with { Location = new PathwayLocation(latitude, longitude, "Somewhere") }));

    [Fact]
    public void Validate_NoLocation_IsRequired() => Assert.Equal(["location:Pathway.Location.Required"], Codes(Valid() with { Location = null }));

    [Fact]
    public void Validate_NoPlace_IsRequired() =>
        Assert.Equal(["location.place:Pathway.Place.Required"], Codes(Valid() with { Location = new PathwayLocation(0, 0, "") }));

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public void Validate_CapacityOutOfRange_IsRefused(int capacity) =>
        Assert.Equal(["capacity:Pathway.Capacity.OutOfRange"], Codes(Valid() with { Capacity = capacity }));

    [Fact]
    public void Validate_NoEntryRequirements_IsValid() => Assert.Empty(Codes(Valid() with { EntryRequirements = [] }));

    [Fact]
    public void Validate_ElevenEntryRequirements_IsTooMany() =>
        Assert.Equal(["entryRequirements:Pathway.EntryRequirements.TooMany"],
            Codes(Valid() with { EntryRequirements = [.. Enumerable.Repeat(new EntryRequirement("empathy", 1), 11)] }));

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Validate_MinimumLevelOutOfRange_IsRefused(int level) =>
        Assert.Equal(["entryRequirements[0].minimumLevel:Pathway.MinimumLevel.OutOfRange"],
            Codes(Valid() with { EntryRequirements = [new EntryRequirement("planning", level)] }));

    [Fact]
    public void Validate_UnknownSkill_NamesIt()
    {
        var error = Assert.Single((Valid() with { Gains = [new SkillGain("juggling", 1)] }).Validate(Skills).Errors);

        Assert.Equal(("gains[0].skillId", "Pathway.Skill.Unknown"), (error.Field, error.Code));
        Assert.Equal(["juggling"], error.Arguments);
    }

    [Fact]
    public void Validate_DuplicateRequirement_IsRefused() =>
        Assert.Equal(["entryRequirements:Pathway.EntryRequirements.Duplicate"],
            Codes(Valid() with { EntryRequirements = [new EntryRequirement("planning", 1), new EntryRequirement("planning", 2)] }));

    [Fact]
    public void Validate_NoGains_IsRefused() => Assert.Equal(["gains:Pathway.Gains.Count"], Codes(Valid() with { Gains = [] }));

    [Fact]
    public void Validate_ElevenGains_IsRefused() =>
        Assert.Equal(["gains:Pathway.Gains.Count"], Codes(Valid() with { Gains = [.. Enumerable.Repeat(new SkillGain("empathy", 1), 11)] }));

    [Fact]
    public void Validate_DuplicateGain_IsRefused() =>
        Assert.Equal(["gains:Pathway.Gains.Duplicate"], Codes(Valid() with { Gains = [new SkillGain("empathy", 1), new SkillGain("empathy", 2)] }));

    [Theory]
    [InlineData(0.5)]
    [InlineData(1)]
    [InlineData(1.5)]
    [InlineData(2)]
    public void Validate_GainInHalfSteps_IsValid(double gain) => Assert.Empty(Codes(Valid() with { Gains = [new SkillGain("empathy", gain)] }));

    [Theory]
    [InlineData(0)]
    [InlineData(0.25)]
    [InlineData(0.75)]
    [InlineData(2.5)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Validate_GainOutOfRangeOrStep_IsRefused(double gain) =>
        Assert.Equal(["gains[0].expectedGain:Pathway.Gain.OutOfRange"], Codes(Valid() with { Gains = [new SkillGain("empathy", gain)] }));

    [Fact]
    public void Validate_NoDates_StartsAnyTimeAndIsValid() =>
        Assert.Empty(Codes(Valid() with { StartsOn = null, EndsOn = null }));

    [Fact]
    public void Validate_StartOnly_IsValid() =>
        Assert.Empty(Codes(Valid() with { StartsOn = new DateOnly(2027, 2, 1) }));

    [Fact]
    public void Validate_EndOnTheStartDay_IsValid() =>
        Assert.Empty(Codes(Valid() with { StartsOn = new DateOnly(2027, 2, 1), EndsOn = new DateOnly(2027, 2, 1) }));

    [Fact]
    public void Validate_EndWithoutStart_AsksForTheStart() =>
        Assert.Equal(["startsOn:Pathway.StartsOn.RequiredWithEnd"], Codes(Valid() with { EndsOn = new DateOnly(2027, 6, 30) }));

    [Fact]
    public void Validate_EndBeforeStart_IsRefused() =>
        Assert.Equal(["endsOn:Pathway.EndsOn.BeforeStart"], Codes(Valid() with { StartsOn = new DateOnly(2027, 2, 1), EndsOn = new DateOnly(2027, 1, 31) }));
}
