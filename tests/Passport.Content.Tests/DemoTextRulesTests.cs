using Passport.Content.Validation;

namespace Passport.Content.Tests;

/// <summary>The demo vacancies and pathways speak every product language (docs/content.md).</summary>
public sealed class DemoTextRulesTests : IDisposable
{
    private const string Translated = """{"nl": "Heftruckchauffeur", "da": "Truckfører", "nb": "Truckfører"}""";

    private readonly ContentFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Load_DemoVacancyTranslatedEverywhere_HasNoProblem()
    {
        var folder = WriteDemo(
            $$"""{"vacancies": [{"id": "v1", "title": "Forklift driver", "titles": {{Translated}}, "mustHaves": [{"label": "Forklift certificate", "labels": {{Translated}}}]}]}""",
            $$"""{"pathways": [{"id": "p1", "language": "nl", "title": "Heftruck", "titles": {"en": "Forklift", "da": "Truck", "nb": "Truck"}, "modules": []}]}""");

        Assert.Empty(ContentLoader.Load(folder).Problems);
    }

    [Fact]
    public void Load_DemoVacancyTitleWithoutDanish_NamesFileVacancyAndLanguage()
    {
        var folder = WriteDemo(
            """{"vacancies": [{"id": "v1", "title": "Forklift driver", "titles": {"nl": "Heftruckchauffeur", "nb": "Truckfører"}}]}""",
            """{"pathways": []}""");

        var problem = Assert.Single(ContentLoader.Load(folder).Problems);

        Assert.Equal(("demo/vacancies.json", "v1"), (problem.File, problem.Item));
        Assert.Equal("title lacks a translation in da", problem.Message);
    }

    [Fact]
    public void Load_DemoModuleTranslatedIntoItsOwnOrAnUnknownLanguage_IsRejected()
    {
        var folder = WriteDemo(
            """{"vacancies": []}""",
            $$$"""{"pathways": [{"id": "p1", "title": "Forklift", "titles": {{{Translated}}}, "modules": [{"title": "Safety", "titles": {"en": "Safety", "nl": "Veiligheid", "da": "Sikkerhed", "nb": "Sikkerhet", "fr": "Sécurité"}}]}]}""");

        var problems = ContentLoader.Load(folder).Problems;

        Assert.Equal(2, problems.Count);
        Assert.All(problems, problem => Assert.Equal(("demo/pathways.json", "p1"), (problem.File, problem.Item)));
        Assert.Contains(problems, problem => problem.Message == "modules[0].title has a translation in \"en\", which is not another product language");
        Assert.Contains(problems, problem => problem.Message == "modules[0].title has a translation in \"fr\", which is not another product language");
    }

    [Fact]
    public void Load_WithoutDemoFiles_ChecksNothingThere()
    {
        Assert.Empty(ContentLoader.Load(_fixture.Write()).Problems);
    }

    private string WriteDemo(string vacancies, string pathways)
    {
        var folder = _fixture.Write();
        var demo = Directory.CreateDirectory(Path.Combine(folder, "demo"));
        File.WriteAllText(Path.Combine(demo.FullName, "vacancies.json"), vacancies);
        File.WriteAllText(Path.Combine(demo.FullName, "pathways.json"), pathways);
        return folder;
    }
}
