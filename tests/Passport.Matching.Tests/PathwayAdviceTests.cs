using Passport.Matching.Advice;

namespace Passport.Matching.Tests;

public sealed class PathwayAdviceTests
{
    private static readonly GeoPoint Eindhoven = new(51.4416, 5.4697);
    private static readonly GeoPoint Helmond = new(51.4793, 5.6570);
    private static readonly GeoPoint Groningen = new(53.2194, 6.5665);

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

    [Fact]
    public void Within_FarPathway_IsLeftOutAndOneOnTheLimitStays()
    {
        var candidate = Candidate(("planning", 2));
        var home = Pathway("At home", 4, new() { ["planning"] = 1 }) with { Location = Eindhoven };
        var near = Pathway("Near", 4, new() { ["planning"] = 1 }) with { Location = Helmond };
        var far = Pathway("Far", 4, new() { ["planning"] = 1 }) with { Location = Groningen };
        var limit = PathwayAdvice.DistanceKm(candidate, near)!.Value;

        var within = PathwayAdvice.Within(candidate, [home, near, far], limit);

        Assert.Equal(["At home", "Near"], within.Select(p => p.Title));
        Assert.InRange(limit, 13, 16);
        Assert.True(PathwayAdvice.DistanceKm(candidate, far) > 150);
    }

    [Fact]
    public void Within_PersonWithoutHome_KeepsEveryPathwayAndKnowsNoDistance()
    {
        var candidate = Candidate(("planning", 2)) with { Location = null };
        var far = Pathway("Far", 4, new() { ["planning"] = 1 }) with { Location = Groningen };

        Assert.Equal(["Far"], PathwayAdvice.Within(candidate, [far], 1).Select(p => p.Title));
        Assert.Null(PathwayAdvice.DistanceKm(candidate, far));
    }

    [Fact]
    public void Rank_HelpFirstThenNearestThenShortest()
    {
        var candidate = Candidate(("planning", 2), ("teamwork", 3));
        VacancyProfile[] vacancies = [Vacancy("a", ("planning", 2, 3)), Vacancy("c", ("teamwork", 2, 4), ("planning", 1, 4))];
        // Opens vacancy a, though it is the furthest: help comes before distance.
        var opens = Pathway("Opens a job", 10, new() { ["planning"] = 1 }) with { Location = Helmond };
        // Closes a gap (teamwork 3 to 4, as vacancy c asks), but c still asks more planning: opens nothing.
        var closes = Pathway("Closes a gap", 10, new() { ["teamwork"] = 1 }) with { Location = Helmond };
        // Help nothing: the nearer first, and at the same place the shorter first.
        var nearLong = Pathway("Near and long", 12, new() { ["empathy"] = 1 }) with { Location = Eindhoven };
        var nearShort = Pathway("Near and short", 3, new() { ["empathy"] = 1 }) with { Location = Eindhoven };
        var further = Pathway("Further", 1, new() { ["empathy"] = 1 }) with { Location = Helmond };

        var ranked = PathwayAdvice.Rank(candidate, [further, nearLong, closes, nearShort, opens], vacancies);

        Assert.Equal(["Opens a job", "Closes a gap", "Near and short", "Near and long", "Further"], ranked.Select(e => e.Pathway.Title));
    }
}
