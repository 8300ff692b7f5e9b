using System.Globalization;
using Newtonsoft.Json.Linq;
using Passport.Content.Validation;
using Passport.Domain.Accounts;

namespace Passport.Content.Readability;

/// <summary>
/// The score of one text in one language: what a player reads on one screen of a sprint (an item's prompt with its
/// options or scale labels; a sprint's title and description), what a skill says (name, description and levels; the
/// feedback of one level), or one kind of message (all texts of the kind in a template file).
/// </summary>
public sealed record ReadabilityScore(
    string File, string Text, string Language, ReadabilityThreshold Threshold, double Score, int Words, string HardestSentence)
{
    public bool Passes => Threshold.Measure.Passes(Score, Threshold.Value);

    /// <summary>E.g. <c>sprints/fix-it.json, item fix-it-05, en: Flesch reading ease 52.4 is below the minimum 60 (hardest sentence: "…")</c>.</summary>
    public override string ToString()
    {
        var measure = Threshold.Measure;
        var verdict = Passes ? "passes" : measure.HigherIsEasier ? "is below the minimum" : "is above the maximum";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{File}, {Text}, {Language}: {measure.Name} {Score:0.0} {verdict} {Threshold.Value:0.#} (hardest sentence: \"{HardestSentence}\")");
    }
}

/// <summary>What <see cref="ReadabilityCheck.Run"/> found.</summary>
public sealed record ReadabilityReport(
    ReadabilitySettings? Settings, IReadOnlyList<ContentProblem> Problems, IReadOnlyList<ReadabilityScore> Scores, int TooShort)
{
    public IEnumerable<ReadabilityScore> Failures => Scores.Where(score => !score.Passes);

    public bool IsValid => Problems.Count == 0 && Settings is not null && !Failures.Any();
}

/// <summary>
/// Scores every text a player reads in content/ (sprints and skills) and every message template named in
/// <c>readability.json</c> against its language's threshold (docs/content.md, "Readability"). Reads the files as
/// they are; their structure is checked by <see cref="ContentLoader"/>, so run this on content that loads.
/// </summary>
public static class ReadabilityCheck
{
    private const int ShownSentenceLength = 90;
    private const int HintWords = 4;

    public static ReadabilityReport Run(string contentPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentPath);
        var problems = new List<ContentProblem>();
        var settings = ReadabilitySettings.Read(contentPath, problems);
        if (settings is null)
        {
            return new ReadabilityReport(null, problems, [], 0);
        }

        var texts = new List<(string File, string Text, string Language, string Value)>();
        texts.AddRange(SkillTexts(contentPath, problems));
        texts.AddRange(SprintTexts(contentPath, problems));
        foreach (var template in settings.MessageTemplates)
        {
            texts.AddRange(ResxTexts.Read(contentPath, template, problems));
        }

        var scores = new List<ReadabilityScore>();
        var tooShort = 0;
        foreach (var unit in texts.GroupBy(text => (text.File, text.Text, text.Language)))
        {
            if (!settings.Thresholds.TryGetValue(unit.Key.Language, out var threshold))
            {
                continue;
            }

            // Each text of a unit is a sentence of its own at least: a title or an option has no full stop.
            var value = string.Join('\n', unit.Select(text => text.Value));
            var counts = threshold.Measure.Count(value, unit.Key.Language);
            if (counts.Words < settings.MinimumWords)
            {
                tooShort++;
                continue;
            }

            var score = threshold.Measure.Score(counts);
            scores.Add(new ReadabilityScore(
                unit.Key.File, unit.Key.Text, unit.Key.Language, threshold, score, counts.Words, Hardest(value, unit.Key.Language, threshold.Measure)));
        }

        return new ReadabilityReport(settings, problems, scores, tooShort);
    }

    /// <summary>The score of one text alone, e.g. for a test or an author trying a rewrite.</summary>
    public static double Score(string text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var measure = ReadabilityMeasure.For(language) ?? throw new ArgumentException($"'{language}' is not a product language.", nameof(language));
        return measure.Score(measure.Count(text, language));
    }

    /// <summary>The sentence that scores worst on its own, so the author knows where to start.</summary>
    private static string Hardest(string text, string language, ReadabilityMeasure measure)
    {
        // A two-word label ("Definitely not") scores wildly on its own; a real sentence is the better hint.
        var sentences = TextSplitter.Sentences(text, language, measure.ColonEndsSentence);
        var real = sentences.Where(sentence => TextSplitter.Words(sentence).Count >= HintWords).ToList();
        var hardest = (real.Count > 0 ? real : sentences)
            .Select(sentence => (Sentence: sentence, Score: measure.Score(measure.Count(sentence, language))))
            .OrderBy(sentence => measure.HigherIsEasier ? sentence.Score : -sentence.Score)
            .First().Sentence;
        return hardest.Length <= ShownSentenceLength ? hardest : $"{hardest[..(ShownSentenceLength - 1)]}…";
    }

    private static IEnumerable<(string, string, string, string)> SkillTexts(string contentPath, List<ContentProblem> problems)
    {
        var file = ContentProblem.SkillsFile;
        var skills = ContentFiles.Read(contentPath, file, problems)?["skills"] as JArray ?? [];
        foreach (var skill in skills.OfType<JObject>())
        {
            var id = (string?)skill["id"];
            var about = new[] { skill["name"], skill["description"] }.Concat(skill["levels"] as JArray ?? []);
            foreach (var text in Localised($"skill {id}", about))
            {
                yield return (file, text.Text, text.Language, text.Value);
            }

            var feedback = skill["feedback"] as JArray ?? [];
            for (var level = 0; level < feedback.Count; level++)
            {
                foreach (var text in Localised(
                    string.Create(CultureInfo.InvariantCulture, $"skill {id} feedback at level {level + 1}"),
                    [feedback[level]["strength"], feedback[level]["tip"]]))
                {
                    yield return (file, text.Text, text.Language, text.Value);
                }
            }
        }
    }

    private static IEnumerable<(string, string, string, string)> SprintTexts(string contentPath, List<ContentProblem> problems)
    {
        var folder = Path.Combine(contentPath, ContentLoader.SprintsFolder);
        var paths = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal) : Enumerable.Empty<string>();
        foreach (var path in paths)
        {
            var file = ContentFiles.RelativeName(contentPath, path);
            if (ContentFiles.Read(contentPath, file, problems) is not JObject sprint)
            {
                continue;
            }

            foreach (var text in Localised($"sprint {(string?)sprint["id"]}", [sprint["title"], sprint["description"]]))
            {
                yield return (file, text.Text, text.Language, text.Value);
            }

            foreach (var item in (sprint["items"] as JArray ?? []).OfType<JObject>())
            {
                var screen = new[] { item["prompt"] }
                    .Concat((item["options"] as JArray ?? []).Select(option => option["text"]))
                    .Concat([item["scale"]?["low"], item["scale"]?["high"]]);
                foreach (var text in Localised($"item {(string?)item["id"]}", screen))
                {
                    yield return (file, text.Text, text.Language, text.Value);
                }
            }
        }
    }

    /// <summary>The texts per language of the <c>{ "en": …, "nl": … }</c> objects among <paramref name="tokens"/>.</summary>
    private static IEnumerable<(string Text, string Language, string Value)> Localised(string name, IEnumerable<JToken?> tokens) =>
        tokens.OfType<JObject>()
            .SelectMany(texts => texts.Properties())
            .Where(property => Languages.IsSupported(property.Name) && property.Value is JValue { Type: JTokenType.String })
            .Select(property => (name, property.Name, (string)property.Value!));
}
