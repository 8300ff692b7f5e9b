using Passport.Grains.Sprints;

namespace Passport.Grains.JobSeekers;

/// <summary>
/// The session to play: a new one (already started), or the player's unfinished session of the same sprint,
/// which the caller resumes (<see cref="Resume"/>), so nobody has two half-played copies of a sprint.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SprintStart([property: Id(0)] SessionStarted Session, [property: Id(1)] bool Resume);
