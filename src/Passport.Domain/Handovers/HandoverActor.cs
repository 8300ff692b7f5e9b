namespace Passport.Domain.Handovers;

/// <summary>Which side of a hand-over someone stands on.</summary>
public enum HandoverSide
{
    /// <summary>The young person who is handed over.</summary>
    Person,

    /// <summary>Staff of the organisation handing the young person over.</summary>
    Sending,

    /// <summary>Staff of the organisation the young person is handed over to.</summary>
    Receiving,
}

/// <summary>
/// Who moves a hand-over, as its history names them. Names are copied at the moment of the move, so the history keeps
/// saying who did it even when an account or organisation is renamed later. <see cref="OrganisationId"/> is null for
/// the young person.
/// </summary>
public sealed record HandoverActor(Guid UserId, HandoverSide Side, string Name, Guid? OrganisationId, string? OrganisationName);
