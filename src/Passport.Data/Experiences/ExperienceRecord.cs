using Passport.Domain.Experiences;

namespace Passport.Data.Experiences;

/// <summary>A stored experience of the person in <see cref="UserId"/>.</summary>
public sealed record ExperienceRecord(Guid Id, Guid UserId, Experience Experience, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
