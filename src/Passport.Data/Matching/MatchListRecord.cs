namespace Passport.Data.Matching;

/// <summary>
/// One list shown (EU AI Act Art. 12): what kind, which model produced it, for which vacancy or person, to whom,
/// how many were eligible, and the items in order with their scores.
/// </summary>
public sealed record MatchListRecord(
    Guid Id,
    string Kind,
    string? ModelVersion,
    Guid? VacancyId,
    Guid? OrganisationId,
    Guid? ViewerUserId,
    Guid? SubjectUserId,
    int Eligible,
    DateTimeOffset ShownAt,
    IReadOnlyList<MatchListItem> Items);

/// <summary>One line of a shown list: a candidate's pseudonym, or a vacancy or pathway id, and its score.</summary>
public sealed record MatchListItem(string ItemRef, double Score);
