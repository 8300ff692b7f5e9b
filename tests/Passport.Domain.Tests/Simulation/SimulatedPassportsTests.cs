using System.Text.Json;
using Passport.Domain.Localization;
using Passport.Domain.Measurement;
using Passport.Domain.Simulation;
using Passport.Domain.Sprints;

namespace Passport.Domain.Tests.Simulation;

public sealed class SimulatedPassportsTests
{
    private static readonly string[] Skills = ["alpha", "beta", "gamma", "unplayed"];

    private static readonly CandidateSimulationSettings Settings = new(
        150,
        7,
        new Dictionary<string, double> { ["eindhoven"] = 9, ["helmond"] = 1 },
        ["logistics", "healthcare", "hospitality", "retail"],
        [new SimulatedCertificate("Forklift certificate", "http://data.europa.eu/esco/skill/forklift"), new SimulatedCertificate("First aid certificate", null)]);

    private static readonly SprintCatalog Sprints = new([Pair(), Solo()]);

    [Fact]
    public void People_SameSeed_SamePeople()
    {
        var first = Json(new SimulatedPassports(7, Sprints, Skills, Settings).People(40));
        var second = Json(new SimulatedPassports(7, Sprints, Skills, Settings).People(40));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Person_AskedAlone_SameAsInTheSequence()
    {
        var generator = new SimulatedPassports(7, Sprints, Skills, Settings);

        Assert.Equal(Json(generator.People(30).ElementAt(17)), Json(generator.Person(17)));
    }

    [Fact]
    public void People_OtherSeed_OtherIdsAndAddresses()
    {
        var seven = new SimulatedPassports(7, Sprints, Skills, Settings).People(20).ToList();
        var eight = new SimulatedPassports(8, Sprints, Skills, Settings).People(20).ToList();

        Assert.Empty(seven.Select(person => person.Id).Intersect(eight.Select(person => person.Id)));
        Assert.Empty(seven.Select(person => person.Email).Intersect(eight.Select(person => person.Email)));
        Assert.NotEqual(Json(seven.Select(person => person.TrueAbilities)), Json(eight.Select(person => person.TrueAbilities)));
    }

    [Fact]
    public void IdOf_OneSeed_AscendsWithTheIndexAndDiffersPerPart()
    {
        var people = Enumerable.Range(0, 5000).Select(index => SimulatedPassports.IdOf(7, index * 997, "person")).ToList();

        Assert.Equal(people.Select(id => id.ToString()).Order(StringComparer.Ordinal), people.Select(id => id.ToString()));
        Assert.All(people, id => Assert.Equal(8, id.Version));
        Assert.Equal(3, new[] { "person", "experience", "session:pair" }.Select(part => SimulatedPassports.IdOf(7, 42, part)).Distinct().Count());
        Assert.NotEqual(SimulatedPassports.IdOf(7, 42, "person"), SimulatedPassports.IdOf(8, 42, "person"));
    }

    [Fact]
    public void People_EstimatesFromTheirAnswers_CorrelateWithTrueAbilitiesAndCarryStandardErrors()
    {
        var people = new SimulatedPassports(11, Sprints, Skills, Settings).People(2000).ToList();

        var truths = new List<double>();
        var estimates = new List<double>();
        var errors = new List<double>();
        foreach (var person in people)
        {
            foreach (var skill in person.Sessions.SelectMany(session => session.Responses).GroupBy(response => response.SkillId))
            {
                var posterior = new AbilityPosterior(skill.Select(response =>
                    Sprints.TryGetItem(response.ItemId, out var item) ? new ItemResponse(item.Model, response.Category) : throw new InvalidOperationException(response.ItemId)));
                var estimate = posterior.Estimate();
                truths.Add(person.TrueAbilities[skill.Key]);
                estimates.Add(estimate.Estimate);
                errors.Add(estimate.StandardError);
            }
        }

        Assert.InRange(Correlation(truths, estimates), 0.6, 0.95);
        Assert.InRange(errors.Average(), 0.4, 0.85);
        Assert.InRange(truths.Average(), -0.1, 0.1);
        Assert.InRange(StandardDeviation(truths), 0.9, 1.1);
    }

    [Fact]
    public void People_SkillsAndAnswers_ShapedLikeRealSprints()
    {
        var people = new SimulatedPassports(3, Sprints, Skills, Settings).People(2000).ToList();

        var measured = people.Select(person => person.Sessions.SelectMany(session => session.Responses).Select(response => response.SkillId).Distinct().Count()).ToList();
        // Three of the four skills have items; 85 % of those are measured.
        Assert.InRange(measured.Average() / 3, 0.82, 0.88);
        Assert.All(people, person =>
        {
            Assert.DoesNotContain(person.Sessions.SelectMany(session => session.Responses), response => response.SkillId == "unplayed");
            Assert.Equal(person.Sessions.Count, person.Sessions.Select(session => session.SprintId).Distinct().Count());
            foreach (var perSkill in person.Sessions.SelectMany(session => session.Responses).GroupBy(response => response.SkillId))
            {
                Assert.InRange(perSkill.Count(), SimulatedPassports.FewestItemsPerSkill, SimulatedPassports.MostItemsPerSkill);
            }

            foreach (var session in person.Sessions)
            {
                Assert.True(Sprints.TryGet(session.SprintId, out var sprint));
                Assert.All(session.Responses, response =>
                {
                    Assert.True(sprint.TryGetItem(response.ItemId, out var item));
                    Assert.Equal(item.SkillId, response.SkillId);
                    Assert.NotNull(response.Answer);
                    Assert.Equal(response.Category, item.Score(response.Answer).Category);
                });
                Assert.True(session.CompletedAgo > TimeSpan.Zero && session.CompletedAgo < session.StartedAgo);
            }
        });
    }

    [Fact]
    public void People_Preferences_FromTheGivenChoices()
    {
        var people = new SimulatedPassports(5, Sprints, Skills, Settings).People(2000).ToList();

        Assert.All(people, person =>
        {
            Assert.Contains(person.HoursPerWeek, new[] { 16, 24, 32, 36, 40 });
            Assert.InRange(person.Sectors.Count, 1, 3);
            Assert.Equal(person.Sectors.Count, person.Sectors.Distinct().Count());
            Assert.All(person.Sectors, sector => Assert.Contains(sector, Settings.Sectors));
            Assert.EndsWith("@demo.invalid", person.Email, StringComparison.Ordinal);
            Assert.Matches("^Demo candidate [0-9]{4,}$", person.DisplayName);
        });
        Assert.InRange(people.Count(person => person.HomePlace == "eindhoven") / 2000.0, 0.87, 0.93);
        Assert.Equal(people.Count, people.Select(person => person.Email).Distinct().Count());
        Assert.Equal(people.Count, people.Select(person => person.Id).Distinct().Count());
        var certified = people.Where(person => person.Experience is not null).ToList();
        Assert.InRange(certified.Count / 2000.0, 0.27, 0.33);
        Assert.Contains(certified, person => person.Experience!.EscoUris.SequenceEqual(["http://data.europa.eu/esco/skill/forklift"]));
        Assert.All(certified, person => Assert.True(person.Experience!.EndedAgo < person.Experience.StartedAgo));
    }

    [Fact]
    public void Constructor_PlaceWithoutWeight_Refused()
    {
        var settings = Settings with { Places = new Dictionary<string, double> { ["eindhoven"] = 0 } };

        Assert.Throws<ArgumentException>(() => new SimulatedPassports(1, Sprints, Skills, settings));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    private static double Correlation(List<double> x, List<double> y)
    {
        double meanX = x.Average(), meanY = y.Average(), xy = 0, xx = 0, yy = 0;
        for (var index = 0; index < x.Count; index++)
        {
            xy += (x[index] - meanX) * (y[index] - meanY);
            xx += (x[index] - meanX) * (x[index] - meanX);
            yy += (y[index] - meanY) * (y[index] - meanY);
        }

        return xy / Math.Sqrt(xx * yy);
    }

    private static double StandardDeviation(List<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(value => (value - mean) * (value - mean)) / values.Count);
    }

    private static LocalizedText Text(string text) =>
        new(new Dictionary<string, string> { ["en"] = text, ["nl"] = text, ["da"] = text, ["nb"] = text });

    private static ItemOption Option(string id, int score) => new(id, Text(id), score);

    // Choice items on alpha and beta, plus one rank and one scale item, so every kind of answer is made.
    private static Sprint Pair()
    {
        var items = new List<SprintItem>();
        for (var index = 0; index < 6; index++)
        {
            foreach (var skill in new[] { "alpha", "beta" })
            {
                var difficulty = -1.5 + (index * 0.6);
                items.Add(new SprintItem($"pair-{skill}-{index}", skill, ItemKind.Choice, Text("Which?"),
                    [Option("a", 0), Option("b", 1), Option("c", 2), Option("d", 3)], [], null, null,
                    new GradedResponseModel(1.6, [difficulty - 0.8, difficulty, difficulty + 0.8])));
            }
        }

        items.Add(new SprintItem("pair-rank", "alpha", ItemKind.Rank, Text("Order"),
            [Option("a", 0), Option("b", 0), Option("c", 0)], ["c", "a", "b"], null, null, new GradedResponseModel(1.2, [-0.5, 0.5])));
        items.Add(new SprintItem("pair-scale", "beta", ItemKind.Scale, Text("How often"),
            [], [], new ScaleSpec(1, 5, Text("Never"), Text("Always"), true), null, new GradedResponseModel(1.0, [-1.5, -0.5, 0.5, 1.5])));
        return new Sprint("pair", Text("Pair"), Text("Two skills"), ["alpha", "beta"], 3, 12, 0.3, items);
    }

    private static Sprint Solo()
    {
        var items = Enumerable.Range(0, 8)
            .Select(index => new SprintItem($"solo-{index}", index % 2 == 0 ? "gamma" : "alpha", ItemKind.Timed, Text("Fast"),
                [Option("yes", 1), Option("no", 0)], [], null, TimeSpan.FromSeconds(10), new TwoParameterLogistic(1.8, -1.5 + (index * 0.4))))
            .ToList();
        return new Sprint("solo", Text("Solo"), Text("Two skills"), ["gamma", "alpha"], 2, 12, 0.3, items);
    }
}
