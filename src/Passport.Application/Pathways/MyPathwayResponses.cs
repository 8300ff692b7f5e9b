using Passport.Application.Matching;

namespace Passport.Application.Pathways;

/// <summary>
/// One learning path as a job seeker sees it: provider, place and distance from home (null when they did not say where
/// they live), dates (no start date: starts any time), what it teaches, what it asks to start, what it would do for
/// them (<c>advice</c>, null until they played a sprint) and the questions they asked its provider.
/// </summary>
public sealed record MyPathwayDetail(
    Guid PathwayId,
    string Title,
    MyPathwayDetail.ProviderView Provider,
    string Status,
    string Place,
    int? DistanceKm,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    int DurationWeeks,
    IReadOnlyList<MyPathwayDetail.ModuleView> Modules,
    IReadOnlyList<MyPathwayDetail.TaughtSkillView> Teaches,
    IReadOnlyList<MyPathwayDetail.EntryLevelView> EntryRequirements,
    MyPathwayMatch? Advice,
    IReadOnlyList<MyPathwayQuestion> Questions)
{
    public sealed record ProviderView(Guid Id, string Name);

    public sealed record ModuleView(string Title, int Weeks);

    /// <summary>A skill the pathway grows, by how many levels its provider expects.</summary>
    public sealed record TaughtSkillView(string SkillId, string Name, double ExpectedGain);

    public sealed record EntryLevelView(string SkillId, string Name, int MinimumLevel);
}

/// <summary>
/// A question the job seeker asked a pathway's provider. <c>sharesContact</c> says whether the consent given with it
/// still lets the provider see their contact details (false once they stopped sharing).
/// </summary>
public sealed record MyPathwayQuestion(Guid Id, string? Question, DateTimeOffset AskedAt, Guid ConsentId, bool SharesContact);

/// <summary>The questions about one of the provider's pathways, with its title in the reader's language.</summary>
public sealed record ProviderQuestions(string PathwayTitle, IReadOnlyList<ProviderQuestion> Questions);

/// <summary>
/// A question as the pathway's provider sees it: the contact details only while the person shares them with the
/// provider's organisation (read through the one door, so their access log shows it); null once they stopped.
/// </summary>
public sealed record ProviderQuestion(Guid Id, string? Question, DateTimeOffset AskedAt, ProviderQuestion.ContactView? Contact)
{
    public sealed record ContactView(string Name, string Email);
}
