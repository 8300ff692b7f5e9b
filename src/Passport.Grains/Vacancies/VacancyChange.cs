namespace Passport.Grains.Vacancies;

/// <summary>How a move of a vacancy's lifecycle went.</summary>
public enum VacancyChange
{
    Done,

    /// <summary>No vacancy of this organisation has that id.</summary>
    NotFound,

    /// <summary>The lifecycle does not allow the move from where the vacancy stands.</summary>
    NotAllowed,
}
