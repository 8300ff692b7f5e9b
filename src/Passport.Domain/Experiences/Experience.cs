namespace Passport.Domain.Experiences;

/// <summary>
/// Something a person did beside the sprints: a job, an internship, volunteering or education. Valid by
/// construction when made through <see cref="ExperienceDraft.Validate"/>; optional texts are null, never blank.
/// </summary>
public sealed record Experience(
    ExperienceKind Kind,
    string Title,
    string? Organisation,
    string? Place,
    DateOnly StartedOn,
    DateOnly? EndedOn,
    string? Description,
    IReadOnlyList<string> EscoUris);
