namespace Passport.Matching.Tests;

public sealed class FeatureTests
{
    private static readonly GeoPoint Eindhoven = new(51.4416, 5.4697);

    private static readonly FeatureSchema Schema = new(["teamwork", "planning", "creativity"]);

    private static CandidateProfile Candidate(GeoPoint? location = null, string[]? qualifications = null, string[]? experience = null) => new(
        "c1",
        new Dictionary<string, SkillMeasure>
        {
            ["teamwork"] = new(4, 4.0, 0.4),
            ["planning"] = new(2, 2.0, 0.6),
        },
        (experience ?? ["healthcare"]).ToHashSet(),
        (qualifications ?? ["forklift"]).ToHashSet(),
        location ?? Eindhoven,
        32);

    private static VacancyProfile Vacancy(params string[] mustHaves) => new(
        "v1",
        "healthcare",
        [new("teamwork", 3, 3), new("planning", 1, 3), new("creativity", 0, 2)],
        mustHaves,
        Eindhoven,
        36);

    [Fact]
    public void Compute_HandMadePair_PairLevelFeatures()
    {
        var features = Schema.Compute(Candidate(), Vacancy("forklift", "first-aid"));

        // Importance total 4: teamwork one above (3 x 1), planning one below (1 x 1), creativity unweighted.
        Assert.Equal(0.75f, features[FeatureSchema.Surplus], 5);
        Assert.Equal(0.25f, features[FeatureSchema.Deficit], 5);
        Assert.Equal(1f, features[FeatureSchema.BelowMinimum]);
        Assert.Equal((float)(((3 * 0.4) + (1 * 0.6) + (0 * FeatureSchema.UnmeasuredStandardError)) / 4), features[FeatureSchema.Uncertainty], 5);
        Assert.Equal(0.5f, features[FeatureSchema.MustHaveCoverage]);
        Assert.Equal(0f, features[FeatureSchema.DistanceKm]);
        Assert.Equal(4f, features[FeatureSchema.HoursMismatch]);
        Assert.Equal(1f, features[FeatureSchema.SectorExperience]);
    }

    [Fact]
    public void Compute_HandMadePair_PerSkillTerms()
    {
        var features = Schema.Compute(Candidate(), Vacancy());

        Assert.Equal(12f, features[FeatureSchema.ImportanceTimesLevel, "teamwork"]);
        Assert.Equal(0f, features[FeatureSchema.Shortfall, "teamwork"]);
        Assert.Equal(2f, features[FeatureSchema.ImportanceTimesLevel, "planning"]);
        Assert.Equal(1f, features[FeatureSchema.Shortfall, "planning"]);
        Assert.Equal(4f, features[FeatureSchema.Level, "teamwork"]);
        // Creativity is not measured: the lowest level, and weighted 0 here.
        Assert.Equal((float)FeatureSchema.UnmeasuredEstimate, features[FeatureSchema.Level, "creativity"]);
        Assert.Equal(0f, features[FeatureSchema.ImportanceTimesLevel, "creativity"]);
        Assert.Equal(8 + (3 * 3), features.Values.Length);
    }

    [Fact]
    public void Compute_NoMustHavesNoSectorFarAway_CoverageOneDistanceMeasured()
    {
        var rotterdam = new GeoPoint(51.9244, 4.4777);

        var features = Schema.Compute(Candidate(rotterdam, qualifications: [], experience: []), Vacancy());

        Assert.Equal(1f, features[FeatureSchema.MustHaveCoverage]);
        Assert.Equal(0f, features[FeatureSchema.SectorExperience]);
        Assert.InRange(features[FeatureSchema.DistanceKm], 84f, 87f);
    }

    [Fact]
    public void Compute_VacancyAsksUnknownSkill_Refused()
    {
        var vacancy = Vacancy() with { Skills = [new("juggling", 3, 3)] };

        Assert.Throws<ArgumentException>(() => Schema.Compute(Candidate(), vacancy));
    }

    [Theory]
    [InlineData(-1, 3)]
    [InlineData(4, 3)]
    [InlineData(2, 0)]
    [InlineData(2, 7)]
    public void Compute_ImportanceOrMinimumOutOfRange_Refused(int importance, int minimum)
    {
        var vacancy = Vacancy() with { Skills = [new("teamwork", importance, minimum)] };

        Assert.Throws<ArgumentOutOfRangeException>(() => Schema.Compute(Candidate(), vacancy));
    }

    [Fact]
    public void DistanceKm_OneDegreeOnEquator_About111Km()
    {
        Assert.Equal(111.195, Geo.DistanceKm(new(0, 0), new(0, 1)), 2);
        Assert.Equal(0, Geo.DistanceKm(Eindhoven, Eindhoven), 6);
    }

    [Fact]
    public void FeatureNames_Unique_PerSkillNamed()
    {
        Assert.Equal(Schema.Count, Schema.FeatureNames.Distinct().Count());
        Assert.Contains("importance_x_level:planning", Schema.FeatureNames);
        Assert.Equal("planning", Schema.Features[Schema.IndexOf(FeatureSchema.Shortfall, "planning")].SkillId);
    }

    [Fact]
    public void WeightedGapScores_Vectorised_SameAsByHand()
    {
        var candidates = new[]
        {
            Candidate(),
            Candidate() with { CandidateRef = "c2", Skills = new Dictionary<string, SkillMeasure> { ["planning"] = new(5, 5.0, 0.3) } },
        };
        var matrix = CandidateMatrix.From(Schema.SkillIds, candidates);
        var scores = new float[2];

        matrix.WeightedGapScores(Vacancy(), scores);

        // c1: teamwork +1 x 3, planning -1 x 1 x 2. c2: teamwork unmeasured (1) -2 x 3 x 2, planning +2 x 1.
        Assert.Equal(1f, scores[0], 5);
        Assert.Equal(-10f, scores[1], 5);
    }

    [Fact]
    public void Shortlist_FiltersMustHavesAndDistance_BestFirst()
    {
        var oslo = new GeoPoint(59.9139, 10.7522);
        var candidates = new[]
        {
            Candidate() with { CandidateRef = "weak", Skills = new Dictionary<string, SkillMeasure> { ["teamwork"] = new(3, 3.0, 0.3) } },
            Candidate() with { CandidateRef = "strong", Skills = new Dictionary<string, SkillMeasure> { ["teamwork"] = new(5, 5.0, 0.3), ["planning"] = new(4, 4.0, 0.3) } },
            Candidate(oslo) with { CandidateRef = "far" },
            Candidate(qualifications: []) with { CandidateRef = "uncertified" },
        };
        var matrix = CandidateMatrix.From(Schema.SkillIds, candidates);

        var shortlist = matrix.Shortlist(Vacancy("forklift"), 10, 50);

        Assert.Equal(["strong", "weak"], shortlist.Select(i => candidates[i].CandidateRef));
    }

    [Fact]
    public void Shortlist_UnmeasuredSkill_NotRankedAsLowestLevel()
    {
        var candidates = new[]
        {
            Candidate() with { CandidateRef = "low", Skills = new Dictionary<string, SkillMeasure> { ["teamwork"] = new(4, 4.0, 0.4), ["planning"] = new(1, 1.5, 0.5) } },
            Candidate() with { CandidateRef = "unmeasured", Skills = new Dictionary<string, SkillMeasure> { ["teamwork"] = new(4, 4.0, 0.4) } },
        };
        var matrix = CandidateMatrix.From(Schema.SkillIds, candidates);
        var gap = new float[2];

        var shortlist = matrix.Shortlist(Vacancy(), 1, 50);
        matrix.WeightedGapScores(Vacancy(), gap);

        // The first stage counts an unmeasured skill as level 4; the weighted-gap baseline keeps level 1.
        Assert.Equal(["unmeasured"], shortlist.Select(i => candidates[i].CandidateRef));
        Assert.True(gap[0] > gap[1], $"baseline gap {gap[0]} against {gap[1]}");
    }

    [Fact]
    public void Shortlist_ManyCandidatesFewHomes_SameAsRankingEachByHand()
    {
        var random = new Random(3);
        GeoPoint[] homes = [Eindhoven, new(51.4786, 5.6556), new(52.0907, 5.1214), new(59.9139, 10.7522)];
        var candidates = Enumerable.Range(0, 500).Select(i => Candidate(
                homes[i % homes.Length], qualifications: i % 3 == 0 ? [] : ["forklift"], experience: i % 2 == 0 ? ["healthcare"] : ["logistics"])
            with
            {
                CandidateRef = $"c{i}",
                HoursWanted = i % 7 == 0 ? null : 24 + (i % 16),
                Skills = new Dictionary<string, SkillMeasure> { ["teamwork"] = new(3, 1 + (4 * random.NextDouble()), 0.4), ["planning"] = new(3, 1 + (4 * random.NextDouble()), 0.4) },
            }).ToList();
        var matrix = CandidateMatrix.From(Schema.SkillIds, candidates);
        var vacancy = Vacancy("forklift");
        var scores = new float[candidates.Count];
        matrix.ShortlistScores(vacancy, scores);

        var shortlist = matrix.Shortlist(vacancy, 25, 60, out var eligible);

        var byHand = candidates.Select((candidate, i) => (Index: i, Distance: FeatureSchema.DistanceKmOf(candidate, vacancy), Candidate: candidate))
            .Where(p => FeatureSchema.MustHaveCoverageOf(p.Candidate, vacancy) >= 1 && p.Distance <= 60)
            .Select(p => (p.Index, Score: scores[p.Index] - (0.04f * Math.Max(0, (float)p.Distance - 25))))
            .OrderByDescending(p => p.Score)
            .ToList();
        Assert.Equal(byHand.Count, eligible);
        Assert.Equal(byHand.Select(p => p.Index).Order(), matrix.Eligible(vacancy, 60));
        Assert.Equal(byHand.Take(25).Select(p => p.Index), shortlist);
    }
}
