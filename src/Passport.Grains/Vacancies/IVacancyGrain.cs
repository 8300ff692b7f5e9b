namespace Passport.Grains.Vacancies;

/// <summary>
/// One vacancy, keyed by its id. Only staff of the organisation that owns it see or change it; for anyone else it
/// does not exist. Every change is stored before it is acknowledged.
/// </summary>
public interface IVacancyGrain : IGrainWithGuidKey
{
    /// <summary>Stores the vacancy as a draft of <paramref name="organisationId"/>; the details must have passed the domain's rules.</summary>
    Task<VacancyView> CreateAsync(Guid organisationId, Guid? createdByUserId, VacancyDetails details);

    /// <summary>The vacancy for staff of its organisation; null when it does not exist or belongs to another organisation.</summary>
    Task<VacancyView?> GetAsync(Guid organisationId);

    /// <summary>Makes a draft visible; <see cref="VacancyChange.NotAllowed"/> when it is published or closed already.</summary>
    Task<VacancyResult> PublishAsync(Guid organisationId);

    /// <summary>
    /// Replaces what the vacancy says with <paramref name="details"/>, which must have passed the domain's rules; an edit of
    /// a published vacancy that changes something is recorded with <paramref name="editorUserId"/> and the parts it
    /// changed. <see cref="VacancyChange.NotAllowed"/> when the vacancy is closed.
    /// </summary>
    Task<VacancyResult> UpdateAsync(Guid organisationId, Guid? editorUserId, VacancyDetails details);

    /// <summary>Closes a draft or published vacancy; <see cref="VacancyChange.NotAllowed"/> when it is closed already.</summary>
    Task<VacancyResult> CloseAsync(Guid organisationId);
}
