namespace Passport.Matching.Candidates;

/// <summary>
/// A job seeker in the candidate pool: their account id (which never leaves the host), the profile the ranker sees,
/// and the kinds of experience their card may show (work, internship, volunteering, education) with counts.
/// </summary>
public sealed record PoolCandidate(Guid UserId, CandidateProfile Profile, IReadOnlyDictionary<string, int> ExperienceKinds);
