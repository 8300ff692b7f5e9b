namespace Passport.Matching.Advice;

/// <summary>What finishing a pathway would change for one person: vacancies whose every minimum they would newly reach, and the gaps it closes.</summary>
public sealed record PathwayEffect(
    PathwayOffer Pathway,
    bool CanStart,
    IReadOnlyList<string> EntryMissing,
    IReadOnlyList<string> NewlyReachedVacancies,
    IReadOnlyList<ClosedGap> Closes);

/// <summary>A skill the pathway lifts from one level to another, and how many vacancies asked more than the level before.</summary>
public sealed record ClosedGap(string SkillId, int FromLevel, int ToLevel, int Vacancies);
