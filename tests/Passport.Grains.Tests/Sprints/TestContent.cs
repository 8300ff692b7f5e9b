using Passport.Domain.Localization;
using Passport.Domain.Measurement;
using Passport.Domain.Skills;
using Passport.Domain.Sprints;

namespace Passport.Grains.Tests.Sprints;

/// <summary>
/// A small, fixed skills framework and sprints for grain tests, so they do not move when authors edit content/.
/// <c>pair</c> measures two skills with choice, rank and scale items; <c>quick</c> has only timed items that run
/// out fast; <c>solo</c> is a second sprint on <c>alpha</c>.
/// </summary>
public static class TestContent
{
    public static SkillCatalog Skills { get; } = new(new[] { "alpha", "beta" }.Select(id => new Skill(
        id,
        new Uri($"http://data.europa.eu/esco/skill/{id}"),
        Text(id),
        Text($"{id} description"),
        [.. Enumerable.Range(1, 5).Select(level => Text($"{id} level {level}"))],
        [.. Enumerable.Range(1, 5).Select(level => new SkillFeedback(Text($"{id} strength {level}"), Text($"{id} tip {level}")))])));

    public static SprintCatalog Sprints { get; } = new([Pair(), Quick(), Solo()]);

    public static LocalizedText Text(string text) =>
        new(new Dictionary<string, string> { ["en"] = text, ["nl"] = $"{text} (nl)", ["da"] = $"{text} (da)", ["nb"] = $"{text} (nb)" });

    private static Sprint Pair()
    {
        var items = new List<SprintItem>();
        for (var index = 0; index < 6; index++)
        {
            foreach (var skill in new[] { "alpha", "beta" })
            {
                var difficulty = -1.5 + (index * 0.6);
                items.Add(Choice($"pair-{skill}-{index}", skill, difficulty));
            }
        }

        items.Add(new SprintItem("pair-rank", "alpha", ItemKind.Rank, Text("Put in order"),
            [Option("a", 0), Option("b", 0), Option("c", 0)], ["c", "a", "b"], null, null, new GradedResponseModel(1.2, [-0.5, 0.5])));
        items.Add(new SprintItem("pair-scale", "beta", ItemKind.Scale, Text("How often"),
            [], [], new ScaleSpec(1, 5, Text("Never"), Text("Always"), false), null, new GradedResponseModel(1.0, [-1.5, -0.5, 0.5, 1.5])));
        return new Sprint("pair", Text("Pair"), Text("Two skills"), ["alpha", "beta"], 3, 8, 0.3, items);
    }

    private static Sprint Quick()
    {
        // Limits this short run out while a test waits, so the server's clock can be watched without a fake one.
        var items = Enumerable.Range(0, 3)
            .Select(index => new SprintItem($"quick-{index}", "alpha", ItemKind.Timed, Text("Fast!"),
                [Option("yes", 1), Option("no", 0)], [], null, TimeSpan.FromMilliseconds(300), new TwoParameterLogistic(1.3, -1 + (index * 0.5))))
            .ToList();
        return new Sprint("quick", Text("Quick"), Text("Timed"), ["alpha"], 1, 3, 0.2, items);
    }

    // Another sprint on alpha, so a second sprint on the same skill can be played without a cooldown.
    private static Sprint Solo()
    {
        var items = Enumerable.Range(0, 8).Select(index => Choice($"solo-{index}", "alpha", -2 + (index * 0.5))).ToList();
        return new Sprint("solo", Text("Solo"), Text("One skill"), ["alpha"], 2, 6, 0.3, items);
    }

    private static SprintItem Choice(string id, string skill, double difficulty) =>
        new(id, skill, ItemKind.Choice, Text($"Question {id}"),
            [Option("a", 0), Option("b", 1), Option("c", 2), Option("d", 3)], [], null, null,
            new GradedResponseModel(1.6, [difficulty - 0.8, difficulty, difficulty + 0.8]));

    private static ItemOption Option(string id, int score) => new(id, Text($"Option {id}"), score);
}
