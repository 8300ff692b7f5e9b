using Passport.Application.Privacy;
using Passport.Data.Matching;

namespace Passport.Application.Matching;

/// <summary>
/// A person's share of matching: every vacancy they were shown for (under which pseudonym), invitations, their own interest and the
/// outcomes employers recorded about them. Their rows and their own lists cascade with the account; employers'
/// lists keep only pseudonyms, whose link to the person goes with those rows.
/// </summary>
internal sealed class MatchingDataSection(MatchRepository matches) : IPersonalDataSection
{
    public string Name => "matching";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var rows = await matches.ListForUserAsync(userId, cancellationToken);
        return rows.Select(row => new
        {
            row.VacancyId,
            row.CandidateRef,
            row.FirstShownAt,
            row.InvitedAt,
            row.ConsentId,
            Outcome = row.Outcome?.ToLowerInvariant(),
            row.OutcomeAt,
            row.InterestConsentId,
            row.InterestedAt,
        });
    }

    public Task EraseAsync(Guid userId, CancellationToken cancellationToken) => Task.CompletedTask;
}
