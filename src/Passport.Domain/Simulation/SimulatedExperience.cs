using Passport.Domain.Experiences;

namespace Passport.Domain.Simulation;

/// <summary>A course that ended in a certificate, listed as an education experience.</summary>
public sealed record SimulatedExperience(
    Guid Id, ExperienceKind Kind, string Title, TimeSpan StartedAgo, TimeSpan EndedAgo, IReadOnlyList<string> EscoUris);
