namespace Passport.Domain.Journeys;

/// <summary>What a young person is doing at a given time, as far as their journey tells: the municipality's cohort counts these.</summary>
public enum JourneyStatus
{
    /// <summary>Nothing recorded yet that says what they do.</summary>
    Unknown,

    School,

    Work,

    /// <summary>In care or on benefits: taken up by a service, but neither at school nor in work.</summary>
    Activity,

    /// <summary>Left school, work, an internship, care or benefits, and nothing new has started since.</summary>
    Looking,
}

public static class JourneyStatuses
{
    /// <summary>
    /// The status after the turning points so far, taken in the order they happened. The latest event that changes
    /// what someone does wins; a move changes where, not what, so it leaves the status as it was. An internship counts as
    /// work (it is the step into it).
    /// </summary>
    public static JourneyStatus After(IEnumerable<JourneyEventKind> kindsInOrder)
    {
        ArgumentNullException.ThrowIfNull(kindsInOrder);
        var status = JourneyStatus.Unknown;
        foreach (var kind in kindsInOrder)
        {
            status = kind switch
            {
                JourneyEventKind.StartedSchool => JourneyStatus.School,
                JourneyEventKind.StartedWork or JourneyEventKind.StartedInternship => JourneyStatus.Work,
                JourneyEventKind.StartedCare or JourneyEventKind.StartedBenefits => JourneyStatus.Activity,
                JourneyEventKind.LeftSchool or JourneyEventKind.LeftWork or JourneyEventKind.EndedInternship
                    or JourneyEventKind.EndedCare or JourneyEventKind.EndedBenefits => JourneyStatus.Looking,
                JourneyEventKind.Moved => status,
                _ => throw new ArgumentOutOfRangeException(nameof(kindsInOrder), kind, "An unknown turning point."),
            };
        }

        return status;
    }
}
