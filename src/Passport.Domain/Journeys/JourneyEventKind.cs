namespace Passport.Domain.Journeys;

/// <summary>
/// A turning point (kantelmoment) a young person or a professional records on the journey. Plan started and hand-overs
/// are turning points too, but they are read from the plan and the hand-overs, never recorded twice.
/// </summary>
public enum JourneyEventKind
{
    StartedSchool,

    LeftSchool,

    StartedWork,

    LeftWork,

    StartedInternship,

    EndedInternship,

    StartedCare,

    EndedCare,

    StartedBenefits,

    EndedBenefits,

    Moved,
}
