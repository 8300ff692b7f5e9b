using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Passport.Application.Localization;
using Passport.Application.Matching;
using Passport.Domain.Skills;
using Passport.Matching;
using Passport.Matching.Advice;

namespace Passport.Web.Tests.Matching;

/// <summary>Reasons in words: an unanswered preference counts neither for nor against, and skill names read well inside a sentence.</summary>
public sealed class MatchWordsTests : IDisposable
{
    private static readonly VacancyProfile Vacancy = new(
        "v", "logistics", [new SkillRequirement("teamwork", 3, 3), new SkillRequirement("planning", 1, 2)], [], new GeoPoint(55.64, 12.08), 32);

    private static readonly MatchReason[] AllKinds =
    [
        new(FeatureSchema.SectorExperience, null, ReasonDirection.Lowered, 0.5),
        new(FeatureSchema.HoursMismatch, null, ReasonDirection.Raised, 0.4),
        new(FeatureSchema.DistanceKm, null, ReasonDirection.Lowered, 0.3),
        new(MatchExplainer.SkillFeature, "planning", ReasonDirection.Lowered, 0.2),
    ];

    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
    private readonly CultureInfo _before = CultureInfo.CurrentUICulture;

    public MatchWordsTests() => CultureInfo.CurrentUICulture = new CultureInfo("en");

    [Fact]
    public void Reasons_PreferencesUnanswered_AreNeitherForNorAgainst()
    {
        var candidate = Candidate(location: null, hours: null, sectors: []);

        var reasons = Words().Reasons(Perspective.You, AllKinds, candidate, Vacancy, _ => []);

        var reason = Assert.Single(reasons);
        Assert.Equal(MatchExplainer.SkillFeature, reason.Feature);
        Assert.DoesNotContain(reasons, r => r.Text.Contains("did not", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Reasons_PreferencesAnswered_CountAsTheModelSays()
    {
        var candidate = Candidate(location: new GeoPoint(55.64, 12.08), hours: 32, sectors: ["care"]);

        var reasons = Words().Reasons(Perspective.You, AllKinds, candidate, Vacancy, _ => []);

        Assert.Equal(
            [(FeatureSchema.SectorExperience, "lowered", "You did not choose this sector."),
             (FeatureSchema.HoursMismatch, "raised", "This job has about the hours you want (32 a week)."),
             (FeatureSchema.DistanceKm, "lowered", "You live about 0 km away.")],
            reasons.Take(3).Select(r => (r.Feature, r.Direction, r.Text)));
    }

    [Theory]
    [InlineData(Perspective.You, "en", "We have not measured “planning” for you yet. Play a sprint to show it.")]
    [InlineData(Perspective.Them, "en", "“planning” is not measured yet.")]
    [InlineData(Perspective.You, "nl", "We hebben ‘planning’ bij jou nog niet gemeten. Speel een sprint om het te laten zien.")]
    [InlineData(Perspective.You, "da", "Vi har ikke målt “planning” hos dig endnu. Spil et sprint for at vise det.")]
    [InlineData(Perspective.You, "nb", "Vi har ikke målt «planning» hos deg ennå. Spill en sprint for å vise det.")]
    public void Reasons_SkillNotMeasured_NamesTheSkillInQuotes(Perspective perspective, string language, string expected)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        var candidate = Candidate(location: null, hours: null, sectors: []);

        var reasons = Words().Reasons(perspective, AllKinds, candidate, Vacancy, _ => []);

        Assert.Equal(expected, Assert.Single(reasons).Text);
    }

    [Theory]
    [InlineData(null, 3, "unmeasured")]
    [InlineData(2, 3, "below")]
    [InlineData(3, 3, "meets")]
    [InlineData(5, 3, "above")]
    public void Compare_LevelAgainstMinimum_SaysWhereItStands(int? level, int minimum, string expected) =>
        Assert.Equal(expected, MyMatcher.Compare(level, minimum));

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _before;
        _services.Dispose();
    }

    private MatchWords Words() => new(_services.GetRequiredService<IStringLocalizer<ApplicationTexts>>(), new SkillCatalog([]));

    private static CandidateProfile Candidate(GeoPoint? location, double? hours, IReadOnlyList<string> sectors) => new(
        "c",
        new Dictionary<string, SkillMeasure> { ["teamwork"] = new SkillMeasure(3, 3.0, 0.3) },
        sectors.ToHashSet(StringComparer.Ordinal),
        new HashSet<string>(StringComparer.Ordinal),
        location,
        hours);
}
