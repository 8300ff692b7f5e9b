namespace Passport.Data.Matching;

/// <summary>
/// Whose passports a matching read covers: everyone who let employers find them, some of them (after a change), or
/// one person for their own matches whether or not they are findable.
/// </summary>
public sealed record CandidateScope
{
    private CandidateScope(bool openOnly, IReadOnlyCollection<Guid>? userIds)
    {
        OpenOnly = openOnly;
        UserIds = userIds;
    }

    public bool OpenOnly { get; }

    public IReadOnlyCollection<Guid>? UserIds { get; }

    /// <summary>Every job seeker who let employers find their passport.</summary>
    public static CandidateScope AllFindable { get; } = new(true, null);

    /// <summary>Those of <paramref name="userIds"/> who let employers find their passport.</summary>
    public static CandidateScope Findable(IReadOnlyCollection<Guid> userIds) => new(true, userIds ?? throw new ArgumentNullException(nameof(userIds)));

    /// <summary>One person, findable or not: their own view.</summary>
    public static CandidateScope Own(Guid userId) => new(false, [userId]);
}
