using Passport.Matching.Advice;

namespace Passport.Matching.Tests;

public sealed class PathwayAdviceTests
{
    private static readonly GeoPoint Eindhoven = new(51.4416, 5.4697);

    private static CandidateProfile Candidate(params (string Skill, int Level)[] skills) => new(
        "c1",
        skills.ToDictionary(s => s.Skill, s => new SkillMeasure(s.Level, s.Level, 0.4)),
        new HashSet<string>(),
        new HashSet<string>(),
        Eindhoven,
        32);

    private static VacancyProfile Vacancy(string reference, params (string Skill, int Importance, int Minimum)[] skills) =>
        new(reference, "logistics", [.. skills.Select(s => new SkillRequirement(s.Skill, s.Importance, s.Minimum))], [], Eindhoven, 32);

    private static PathwayOffer Pathway(string title, int weeks, Dictionary<string, double> gains, Dictionary<string, int>? entry = null) =>
        new(Guid.NewGuid(), title, "Provider", "Eindhoven", weeks, entry ?? [], gains);

    [Fact]
    public void Gaps_BelowAndUnmeasured_ListedMostImportantFirst()
    {
        var candidate = Candidate(("teamwork", 4), ("planning", 2));
        var vacancy = Vacancy("v", ("planning", 1, 3), ("teamwork", 3, 3), ("empathy", 2, 2));

        var gaps = PathwayAdvice.Gaps(candidate, vacancy);

        Assert.Equal(["empathy", "planning"], gaps.Select(g => g.SkillId));
        Assert.False(gaps[0].IsMeasured);
        Assert.Equal(1, gaps[1].Levels);
        Assert.False(PathwayAdvice.Reaches(candidate, vacancy));
        Assert.True(PathwayAdvice.Reaches(candidate, Vacancy("w", ("teamwork", 3, 4))));
    }

    [Fact]
    public void Closers_OnlyPathwaysThatLiftFarEnoughAndCanBeStarted_ShortestFirst()
    {
        var candidate = Candidate(("planning", 2), ("reliability", 2));
        var gap = new SkillGap("planning", 2, 4, 2);
        var tooSmall = Pathway("Half a step", 2, new() { ["planning"] = 1 });
        var lengthy = Pathway("Long", 20, new() { ["planning"] = 2 });
        var quick = Pathway("Short", 6, new() { ["planning"] = 2 });
        var closed = Pathway("Needs reliability 3", 4, new() { ["planning"] = 2 }, new() { ["reliability"] = 3 });

        var closers = PathwayAdvice.Closers(candidate, gap, [tooSmall, lengthy, quick, closed]);

        Assert.Equal(["Short", "Long"], closers.Select(p => p.Title));
        Assert.Empty(PathwayAdvice.Closers(candidate, new SkillGap("empathy", null, 2, 1), [quick]));
    }

    [Fact]
    public void Rank_PathwayOpeningMoreVacancies_ComesFirstWithWhatItCloses()
    {
        var candidate = Candidate(("planning", 2), ("teamwork", 3));
        VacancyProfile[] vacancies =
        [
            Vacancy("a", ("planning", 2, 3)),
            Vacancy("b", ("planning", 1, 3), ("teamwork", 1, 3)),
            Vacancy("c", ("teamwork", 2, 4)),
        ];
        var planning = Pathway("Planning", 8, new() { ["planning"] = 1 });
        var teamwork = Pathway("Teamwork", 4, new() { ["teamwork"] = 1 });

        var ranked = PathwayAdvice.Rank(candidate, [teamwork, planning], vacancies);

        Assert.Equal(["Planning", "Teamwork"], ranked.Select(e => e.Pathway.Title));
        Assert.Equal(["a", "b"], ranked[0].NewlyReachedVacancies);
        var closed = Assert.Single(ranked[0].Closes);
        Assert.Equal(("planning", 2, 3, 2), (closed.SkillId, closed.FromLevel, closed.ToLevel, closed.Vacancies));
        Assert.Equal(["c"], ranked[1].NewlyReachedVacancies);
    }

    [Fact]
    public void LevelAfter_GainMovesTheEstimateAndNeverLowersOrPassesFive()
    {
        Assert.Equal(4, PathwayAdvice.LevelAfter(new SkillMeasure(3, 3.2, 0.4), 1));
        Assert.Equal(3, PathwayAdvice.LevelAfter(new SkillMeasure(3, 3.0, 0.4), 0.4));
        Assert.Equal(5, PathwayAdvice.LevelAfter(new SkillMeasure(5, 4.9, 0.4), 2));
    }
}
