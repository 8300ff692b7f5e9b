using System.Text.Json.Nodes;
using Passport.Cli;
using Passport.Content.Readability;

namespace Passport.Content.Tests.Readability;

public sealed class ReadabilityCheckTests : IDisposable
{
    private const string HardEnglish =
        "Notwithstanding the aforementioned considerations, participants are obligated to substantiate their eligibility "
        + "through comprehensive documentation prior to commencement.";

    private const string HardDutch =
        "Niettegenstaande voornoemde overwegingen dienen deelnemers hun gerechtigdheid middels uitgebreide documentatie "
        + "voorafgaand aan de aanvang aannemelijk te maken.";

    private readonly ContentFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Run_RepositoryContent_PassesTheConfiguredThresholds()
    {
        var report = ReadabilityCheck.Run(Repository.ContentPath);

        Assert.True(report.Problems.Count == 0, string.Join(Environment.NewLine, report.Problems));
        Assert.True(!report.Failures.Any(), string.Join(Environment.NewLine, report.Failures));
        Assert.True(report.IsValid);
    }

    [Fact]
    public void Run_RepositoryContent_ScoresEverySprintItemAndEveryMessageTemplateInEveryLanguage()
    {
        var report = ReadabilityCheck.Run(Repository.ContentPath);

        foreach (var language in Domain.Accounts.Languages.All)
        {
            var scored = report.Scores.Where(score => score.Language == language).ToList();
            Assert.True(scored.Count(score => score.Text.StartsWith("item ", StringComparison.Ordinal)) >= 150, language);
            Assert.Contains(scored, score => score.File.StartsWith("skills/", StringComparison.Ordinal));
            Assert.Contains(scored, score => score.Text.StartsWith("message ", StringComparison.Ordinal) && score.File.EndsWith(".resx", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_HardEnglishPrompt_ExitsOneNamingFileItemLanguageScoreAndThreshold()
    {
        _fixture.Item("pair", "pair-choice")["prompt"]!["en"] = HardEnglish;

        var (exitCode, output, error) = Run("validate", "--content", _fixture.Write());

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Matches(@"^error: sprints/pair\.json, item pair-choice, en: Flesch reading ease -?\d+\.\d is below the minimum 60 \(hardest sentence: ""Notwithstanding", line);
    }

    [Fact]
    public void Run_HardDanishSkillFeedback_FailsOnLix()
    {
        var feedback = _fixture.Skills["skills"]![0]!["feedback"]![2]!.AsObject();
        feedback["tip"]!["da"] = "Sundhedsvæsenets administrationsmedarbejdere dokumenterer behandlingsforløbene kontinuerligt og systematisk gennem elektroniske journalsystemer.";

        var report = ReadabilityCheck.Run(_fixture.Write());

        var failure = Assert.Single(report.Failures);
        Assert.Equal(("skills/skills.json", "skill alpha feedback at level 3", "da"), (failure.File, failure.Text, failure.Language));
        Assert.Equal("LIX", failure.Threshold.Measure.Name);
        Assert.True(failure.Score > 40, failure.ToString());
        Assert.Contains("is above the maximum 40", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_HardDutchMessageTemplate_NamesTheResxFileAndKind()
    {
        _fixture.Readability["messageTemplates"] = new JsonArray("templates/Mail.resx");
        var plain = new Dictionary<string, string>
        {
            ["visit.Subject"] = "Your visit on {0}",
            ["visit.Summary"] = "You visit {1} on {0}. Bring your ID card.",
        };
        _fixture.WriteResx("templates/Mail.resx", plain);
        _fixture.WriteResx("templates/Mail.da.resx", plain);
        _fixture.WriteResx("templates/Mail.nb.resx", plain);
        _fixture.WriteResx("templates/Mail.nl.resx", new Dictionary<string, string> { ["visit.Subject"] = "Uw bezoek", ["visit.Summary"] = HardDutch });

        var report = ReadabilityCheck.Run(_fixture.Write());

        Assert.Empty(report.Problems);
        var failure = Assert.Single(report.Failures);
        Assert.Equal(("templates/Mail.nl.resx", "message visit", "nl"), (failure.File, failure.Text, failure.Language));
        Assert.StartsWith("templates/Mail.nl.resx, message visit, nl: Flesch–Douma ", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MessageTemplateWithoutATranslation_IsAProblem()
    {
        _fixture.Readability["messageTemplates"] = new JsonArray("templates/Mail.resx");
        _fixture.WriteResx("templates/Mail.resx", new Dictionary<string, string> { ["visit.Subject"] = "Your visit" });

        var report = ReadabilityCheck.Run(_fixture.Write());

        Assert.Equal(
            ["templates/Mail.nl.resx", "templates/Mail.da.resx", "templates/Mail.nb.resx"],
            report.Problems.Select(problem => problem.File));
        Assert.False(report.IsValid);
    }

    [Fact]
    public void Run_TextShorterThanMinimumWords_IsNotScored()
    {
        _fixture.Readability["minimumWords"] = 30;
        _fixture.Item("pair", "pair-choice")["prompt"]!["en"] = "Notwithstanding considerations, participants substantiate eligibility.";

        var report = ReadabilityCheck.Run(_fixture.Write());

        Assert.True(report.IsValid);
        Assert.Empty(report.Scores);
        Assert.True(report.TooShort > 0);
    }

    [Fact]
    public void Run_WithoutSettings_IsAProblem()
    {
        var content = _fixture.Write();
        File.Delete(Path.Combine(content, ReadabilitySettings.File));

        var report = ReadabilityCheck.Run(content);

        Assert.Equal("readability.json: the file is missing", Assert.Single(report.Problems).ToString());
        Assert.False(report.IsValid);
    }

    [Fact]
    public void Run_WrongSettings_NameEachMistake()
    {
        _fixture.Readability["languages"]!["da"] = new JsonObject { ["measure"] = "flesch", ["minimum"] = 60 };
        _fixture.Readability["languages"]!.AsObject().Remove("nb");
        _fixture.Readability["minimumWords"] = 0;

        var report = ReadabilityCheck.Run(_fixture.Write());

        Assert.Equal(
            [
                "readability.json: minimumWords: must be a whole number from 1 to 100",
                "readability.json: languages.da.minimum: is not a field here (lix takes a maximum)",
                "readability.json: languages.da.measure: must be \"lix\", the measure texts in da are scored with",
                "readability.json: languages.da.maximum: must be a number",
                "readability.json: languages.nb: is missing",
            ],
            report.Problems.Select(problem => problem.ToString()));
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = Commands.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
