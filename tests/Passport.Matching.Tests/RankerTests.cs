using System.Reflection;

namespace Passport.Matching.Tests;

public sealed class RankerTests(TestMarket data) : IClassFixture<TestMarket>
{
    [Fact]
    public void Ranker_HeldOutVacancies_BeatsEveryBaseline()
    {
        ICandidateScorer[] baselines =
        [
            new RandomScorer(TestMarket.Small.Seed),
            new CosineScorer(TestMarket.SkillIds),
            new WeightedGapScorer(TestMarket.SkillIds),
        ];

        var ranker = MatchingEvaluation.MeanNdcg(data.Ranker, data.HeldOut);

        Assert.All(baselines, baseline => Assert.True(
            ranker > MatchingEvaluation.MeanNdcg(baseline, data.HeldOut) + 0.02,
            $"{baseline.Name}: {MatchingEvaluation.MeanNdcg(baseline, data.HeldOut):F3} against LightGBM {ranker:F3}"));
    }

    [Fact]
    public void Score_TreesEvaluatedDirectly_SameScoresAsMlNet()
    {
        var vacancies = data.HeldOut.Select(pair => pair.Vacancy).DistinctBy(vacancy => vacancy.VacancyRef).Take(5).ToList();
        using var stream = new MemoryStream();
        data.Ranker.Save(stream);
        stream.Position = 0;
        var loaded = LightGbmRanker.Load(stream, data.Schema);

        foreach (var ranker in new[] { data.Ranker, loaded })
        {
            foreach (var vacancy in vacancies)
            {
                var direct = ranker.Score(vacancy, data.Market.Candidates);
                var mlNet = ranker.ScoreWithMlNet(vacancy, data.Market.Candidates);

                Assert.Equal(mlNet, direct);
                Assert.True(direct.Distinct().Count() > 10, "the scores should differ between candidates");
            }
        }
    }

    [Fact]
    public void Ranker_VacancyWeighingOneSkill_HigherLevelRanksHigher()
    {
        var vacancy = new VacancyProfile("focus", "logistics", [new("planning", 3, 3), new("teamwork", 1, 2)], [], new(51.4416, 5.4697), 32);
        var candidates = data.Market.Candidates.Where(c => c.Skills.ContainsKey("planning")).Take(300).ToList();

        var scores = data.Ranker.Score(vacancy, candidates);

        var rho = TestMarket.Spearman(candidates.Select(c => c.Skills["planning"].Estimate).ToList(), scores.Select(s => (double)s).ToList());
        Assert.True(rho > 0.4, $"Spearman {rho:F3}");
    }

    [Fact]
    public void Retraining_OutcomesFavourSectorExperience_ExperiencedMoveUp()
    {
        var neutral = Train(sectorBonus: 0);
        var favouring = Train(sectorBonus: 2);

        var before = MeanPercentileOfExperienced(neutral);
        var after = MeanPercentileOfExperienced(favouring);

        Assert.True(after > before + 0.1, $"experienced candidates' mean percentile {before:F3} -> {after:F3}");
    }

    [Fact]
    public void Features_NeverHoldProtectedAttribute()
    {
        string[] forbidden = ["group", "protected", "gender", "sex", "ethnicity", "origin", "nationality", "age", "birth", "religion", "disability", "name", "email", "phone"];

        var words = data.Schema.FeatureNames.SelectMany(name => name.Split('_', ':', '-'));
        Assert.DoesNotContain(words, word => forbidden.Contains(word, StringComparer.OrdinalIgnoreCase));
        foreach (var type in new[] { typeof(CandidateProfile), typeof(VacancyProfile), typeof(SkillMeasure), typeof(PairFeatures) })
        {
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
            Assert.DoesNotContain(properties, p => p.PropertyType == typeof(ProtectedGroup));
            Assert.DoesNotContain(properties, p => forbidden.Any(w => p.Name.Equals(w, StringComparison.OrdinalIgnoreCase) || p.Name.Contains("group", StringComparison.OrdinalIgnoreCase)));
        }
    }

    [Fact]
    public void Features_SameProfileEitherGroup_SameVector()
    {
        var pair = data.HeldOut[0];
        var twinInOtherGroup = pair.Candidate with { CandidateRef = "twin" };

        Assert.Equal(data.Schema.Compute(pair.Candidate, pair.Vacancy).Values.ToArray(), data.Schema.Compute(twinInOtherGroup, pair.Vacancy).Values.ToArray());
    }

    [Fact]
    public void SaveLoad_RoundTrip_SameScoresAndMetadata()
    {
        var measured = data.Ranker.WithMetadata(data.Ranker.Metadata with
        {
            Metrics = new Dictionary<string, double> { ["heldOutNdcgAt10"] = 0.7 },
        });
        using var stream = new MemoryStream();

        measured.Save(stream);
        stream.Position = 0;
        var loaded = LightGbmRanker.Load(stream, data.Schema);

        var pool = data.HeldOut.Take(30).ToList();
        Assert.Equal(measured.Score(pool[0].Vacancy, pool.Select(p => p.Candidate).ToList()), loaded.Score(pool[0].Vacancy, pool.Select(p => p.Candidate).ToList()));
        Assert.Equal("test-1", loaded.Metadata.Version);
        Assert.Equal(TestMarket.Clock.GetUtcNow(), loaded.Metadata.TrainedAt);
        Assert.Equal(data.Training.Count, loaded.Metadata.TrainingPairs);
        Assert.Equal(0.7, loaded.Metadata.Metrics["heldOutNdcgAt10"]);
        Assert.Equal(data.Schema.FeatureNames, loaded.Metadata.FeatureNames);
    }

    [Fact]
    public void Load_OtherFeatureLayout_Refused()
    {
        using var stream = new MemoryStream();
        data.Ranker.Save(stream);
        stream.Position = 0;

        Assert.Throws<InvalidDataException>(() => LightGbmRanker.Load(stream, new FeatureSchema(["teamwork", "planning"])));
    }

    [Theory]
    [InlineData(null, 0.5, true)]
    [InlineData(0.70, 0.71, true)]
    [InlineData(0.70, 0.70, true)]
    [InlineData(0.70, 0.69, false)]
    public void ShouldPromote_ComparesHeldOutNdcg(double? current, double challenger, bool expected)
    {
        Assert.Equal(expected, ModelPromotion.ShouldPromote(current, challenger));
    }

    [Fact]
    public void Explain_StrongInHeavySkill_ThatSkillRaisedTheScore()
    {
        var vacancy = new VacancyProfile("explain", "healthcare", [new("empathy", 3, 3), new("planning", 1, 2)], [], new(51.4416, 5.4697), 32);
        var candidates = data.Market.Candidates
            .Where(c => c.Skills.ContainsKey("empathy") && FeatureSchema.DistanceKmOf(c, vacancy) < 60)
            .Take(40)
            .ToList();
        var strongest = candidates.MaxBy(c => c.Skills["empathy"].Estimate)!;
        var weakest = candidates.MinBy(c => c.Skills["empathy"].Estimate)!;

        var explanations = MatchExplainer.Explain(data.Ranker, vacancy, candidates).ToDictionary(e => e.CandidateRef);

        Assert.Equal(candidates.Count, explanations.Count);
        Assert.Contains(explanations[strongest.CandidateRef].Reasons, r => r is { Feature: MatchExplainer.SkillFeature, SkillId: "empathy", Direction: ReasonDirection.Raised });
        Assert.Contains(explanations[weakest.CandidateRef].Reasons, r => r is { Feature: MatchExplainer.SkillFeature, SkillId: "empathy", Direction: ReasonDirection.Lowered });
        Assert.All(explanations.Values, e => Assert.InRange(e.Reasons.Count, 0, 5));
        Assert.All(explanations.Values.SelectMany(e => e.Reasons), r => Assert.True(r.Magnitude > 0));
    }

    [Fact]
    public void Explain_OnlySomeSkills_ReasonsNameOnlyThoseAndTheOthersDoNotMatter()
    {
        var vacancy = new VacancyProfile("explain", "healthcare", [new("empathy", 3, 3), new("planning", 1, 2)], [], new(51.4416, 5.4697), 32);
        var candidates = data.Market.Candidates.Where(c => FeatureSchema.DistanceKmOf(c, vacancy) < 60).Take(30).ToList();
        HashSet<string> asked = ["empathy", "planning"];
        // The same people with every other skill changed: what is not explained must not change the explanation.
        var changed = candidates.Select(c => c with
        {
            Skills = c.Skills.ToDictionary(p => p.Key, p => asked.Contains(p.Key) ? p.Value : new SkillMeasure(1, 1.1, 0.9)),
        }).ToList();

        var explained = MatchExplainer.Explain(data.Ranker, vacancy, candidates, maxReasons: 7, population: candidates, onlySkills: asked);
        var again = MatchExplainer.Explain(data.Ranker, vacancy, changed, maxReasons: 7, population: candidates, onlySkills: asked);

        Assert.All(explained.SelectMany(e => e.Reasons), r => Assert.True(r.Feature != MatchExplainer.SkillFeature || asked.Contains(r.SkillId!)));
        Assert.Contains(explained.SelectMany(e => e.Reasons), r => r.Feature == MatchExplainer.SkillFeature);
        Assert.Equal(explained.Select(e => e.Reasons), again.Select(e => e.Reasons));
    }

    [Fact]
    public void ShortlistRecall_ShortlistHoldsEveryone_One()
    {
        var recall = MatchingEvaluation.MeasureShortlistRecall(data.Ranker, data.Market, data.HeldOut, shortlistSize: data.Market.Candidates.Count);

        Assert.Equal(1.0, recall.Recall, 10);
    }

    [Fact]
    public void ShortlistRecall_RealisticShortlist_KeepsMostOfTheTop()
    {
        var recall = MatchingEvaluation.MeasureShortlistRecall(data.Ranker, data.Market, data.HeldOut, shortlistSize: 150);

        Assert.InRange(recall.Recall, 0.8, 1.0);
    }

    [Fact]
    public void Selection_RandomOrder_GroupsAboutEqual()
    {
        var rates = MatchingEvaluation.Selection(new RandomScorer(3), data.HeldOut, data.Market.Groups);

        // Each vacancy's top 10 of 30 applicants: a third of each group, give or take sampling.
        Assert.InRange(rates.GroupA, 0.28, 0.39);
        Assert.InRange(rates.GroupB, 0.28, 0.39);
        Assert.InRange(rates.Ratio, 0.8, 1.0);
    }

    [Fact]
    public void Ndcg_PerfectAndReversed()
    {
        Assert.Equal(1.0, Ndcg.At(10, [3f, 2f, 1f], [2, 1, 0]), 10);
        // Reversed: DCG (0 + 1/log2 3 + 3/2) against ideal (3 + 1/log2 3).
        Assert.Equal(((1 / Math.Log2(3)) + 1.5) / (3 + (1 / Math.Log2(3))), Ndcg.At(10, [1f, 2f, 3f], [2, 1, 0]), 10);
        Assert.Equal(1.0, Ndcg.At(10, [1f, 2f], [0, 0]), 10);
    }

    private static (LightGbmRanker Ranker, SimulatedMarket Market, IReadOnlyList<LabelledPair> HeldOut) Train(double sectorBonus)
    {
        var market = LabourMarketSimulator.Generate(TestMarket.SkillIds, TestMarket.Small with { SectorExperienceBonus = sectorBonus });
        var (training, heldOut) = market.SplitByVacancy(0.3, TestMarket.Small.Seed);
        return (LightGbmRanker.Train(new FeatureSchema(TestMarket.SkillIds), training, "trait", TestMarket.Clock, TestMarket.QuickTraining), market, heldOut);
    }

    /// <summary>Across held-out vacancies, where candidates with experience in the sector land (1 = top, 0 = bottom).</summary>
    private static double MeanPercentileOfExperienced((LightGbmRanker Ranker, SimulatedMarket Market, IReadOnlyList<LabelledPair> HeldOut) trained)
    {
        var percentiles = new List<double>();
        foreach (var pool in trained.HeldOut.GroupBy(p => p.Vacancy.VacancyRef).Select(g => g.ToList()))
        {
            var vacancy = pool[0].Vacancy;
            var scores = trained.Ranker.Score(vacancy, pool.Select(p => p.Candidate).ToList());
            var order = Enumerable.Range(0, pool.Count).OrderBy(i => scores[i]).ToList();
            percentiles.AddRange(Enumerable.Range(0, pool.Count)
                .Where(i => pool[i].Candidate.ExperienceCategories.Contains(vacancy.Sector))
                .Select(i => order.IndexOf(i) / (double)(pool.Count - 1)));
        }

        return percentiles.Average();
    }
}
