using System.Security.Cryptography;
using Dapper;
using Passport.Data.Database;

namespace Passport.Data.Matching;

/// <summary>
/// Candidates as shown per vacancy (pseudonyms, invitations, outcomes) and the record of every list shown.
/// </summary>
public sealed class MatchRepository(PassportDatabase database)
{
    private const string CandidateColumns = """
        vacancy_id AS VacancyId, user_id AS UserId, candidate_ref AS CandidateRef, first_shown_at AS FirstShownAt,
        invited_at AS InvitedAt, consent_id AS ConsentId, outcome AS Outcome, outcome_at AS OutcomeAt,
        interest_consent_id AS InterestConsentId, interested_at AS InterestedAt
        """;

    // Crockford's base32 without look-alikes, so a reference can be read out over the phone.
    private const string RefAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int RefLength = 8;

    /// <summary>
    /// Records a list shown to staff in one transaction: pseudonyms for candidates shown for the first time and the
    /// list with its items (which hold only pseudonyms). The personal-data door logged each shown person before.
    /// Returns every shown person's row for this vacancy.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, MatchCandidateRow>> RecordCandidateListAsync(
        MatchListRecord list,
        IReadOnlyList<Guid> shownUserIds,
        Func<IReadOnlyDictionary<Guid, MatchCandidateRow>, IReadOnlyList<MatchListItem>> complete,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(shownUserIds);
        ArgumentNullException.ThrowIfNull(complete);
        var vacancyId = list.VacancyId ?? throw new ArgumentException("A candidate list belongs to a vacancy.", nameof(list));
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO match_candidates (vacancy_id, user_id, candidate_ref, first_shown_at)
            VALUES (@vacancyId, @userId, @candidateRef, @now)
            ON CONFLICT (vacancy_id, user_id) DO NOTHING
            """,
            shownUserIds.Select(userId => new { vacancyId, userId, candidateRef = NewRef(), now = list.ShownAt }),
            transaction, cancellationToken: cancellationToken));
        var rows = await ListAsync(connection, transaction, vacancyId, shownUserIds, database.IsIn("user_id", "userIds"), cancellationToken);
        await InsertListAsync(connection, transaction, list with { Items = complete(rows) }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    /// <summary>Records a list a job seeker was shown of their own matches (vacancies or pathways).</summary>
    public async Task RecordListAsync(MatchListRecord list, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(list);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertListAsync(connection, transaction, list, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<MatchCandidateRow?> FindAsync(Guid vacancyId, string candidateRef, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<MatchCandidateRow>(new CommandDefinition(
            $"SELECT {CandidateColumns} FROM match_candidates WHERE vacancy_id = @vacancyId AND candidate_ref = @candidateRef",
            new { vacancyId, candidateRef }, cancellationToken: cancellationToken));
    }

    /// <summary>The job seeker's row for this vacancy, if they were ever shown for it or said they are interested.</summary>
    public async Task<MatchCandidateRow?> FindForUserAsync(Guid vacancyId, Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<MatchCandidateRow>(new CommandDefinition(
            $"SELECT {CandidateColumns} FROM match_candidates WHERE vacancy_id = @vacancyId AND user_id = @userId",
            new { vacancyId, userId }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Notes the consent a job seeker gave for this vacancy (the latest one counts), giving them a pseudonym for it if
    /// they had none, so the employer can find them as interested whether or not a list ever showed them.
    /// </summary>
    public async Task<MatchCandidateRow> SetInterestAsync(Guid vacancyId, Guid userId, Guid consentId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO match_candidates (vacancy_id, user_id, candidate_ref, first_shown_at, interest_consent_id, interested_at)
            VALUES (@vacancyId, @userId, @candidateRef, @now, @consentId, @now)
            ON CONFLICT (vacancy_id, user_id) DO UPDATE SET interest_consent_id = excluded.interest_consent_id, interested_at = excluded.interested_at
            """,
            new { vacancyId, userId, candidateRef = NewRef(), now, consentId }, cancellationToken: cancellationToken));
        return (await FindForUserAsync(vacancyId, userId, cancellationToken))!;
    }

    /// <summary>The candidates who said they are interested in this vacancy, the most recent first (withdrawn ones too: the consent says).</summary>
    public async Task<IReadOnlyList<MatchCandidateRow>> ListInterestedAsync(Guid vacancyId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<MatchCandidateRow>(new CommandDefinition(
            $"SELECT {CandidateColumns} FROM match_candidates WHERE vacancy_id = @vacancyId AND interest_consent_id IS NOT NULL ORDER BY interested_at DESC, candidate_ref",
            new { vacancyId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>How many candidates of this vacancy were invited.</summary>
    public async Task<int> CountInvitedAsync(Guid vacancyId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM match_candidates WHERE vacancy_id = @vacancyId AND invited_at IS NOT NULL",
            new { vacancyId }, cancellationToken: cancellationToken));
    }

    /// <summary>Notes the consent request that invited the candidate (the latest one counts).</summary>
    public async Task SetInvitationAsync(Guid vacancyId, Guid userId, Guid consentId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE match_candidates SET invited_at = @now, consent_id = @consentId WHERE vacancy_id = @vacancyId AND user_id = @userId",
            new { vacancyId, userId, consentId, now }, cancellationToken: cancellationToken));
    }

    /// <summary>Records the employer's latest outcome for a candidate: the label retraining learns from.</summary>
    public async Task SetOutcomeAsync(
        Guid vacancyId, Guid userId, string outcome, Guid recordedBy, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE match_candidates SET outcome = @outcome, outcome_at = @now, outcome_by_user_id = @recordedBy
            WHERE vacancy_id = @vacancyId AND user_id = @userId
            """,
            new { vacancyId, userId, outcome, recordedBy, now }, cancellationToken: cancellationToken));
    }

    /// <summary>Every recorded outcome, grouped by vacancy: the training labels.</summary>
    public async Task<IReadOnlyList<MatchCandidateRow>> ListOutcomesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<MatchCandidateRow>(new CommandDefinition(
            $"SELECT {CandidateColumns} FROM match_candidates WHERE outcome IS NOT NULL ORDER BY vacancy_id, user_id",
            cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Every vacancy a person was shown for, for their data export.</summary>
    public async Task<IReadOnlyList<MatchCandidateRow>> ListForUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<MatchCandidateRow>(new CommandDefinition(
            $"SELECT {CandidateColumns} FROM match_candidates WHERE user_id = @userId ORDER BY first_shown_at",
            new { userId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>The model version and item count of a recorded list, for the oversight log and tests.</summary>
    public async Task<(string? ModelVersion, int Items)?> FindListAsync(Guid listId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ListRow>(new CommandDefinition(
            """
            SELECT l.model_version AS ModelVersion, (SELECT COUNT(*) FROM match_list_items i WHERE i.list_id = l.id) AS Items
            FROM match_lists l WHERE l.id = @listId
            """,
            new { listId }, cancellationToken: cancellationToken));
        return row is null ? null : (row.ModelVersion, row.Items);
    }

    private static async Task<IReadOnlyDictionary<Guid, MatchCandidateRow>> ListAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, Guid vacancyId,
        IReadOnlyList<Guid> userIds, string isIn, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return new Dictionary<Guid, MatchCandidateRow>();
        }

        var rows = await connection.QueryAsync<MatchCandidateRow>(new CommandDefinition(
            $"SELECT {CandidateColumns} FROM match_candidates WHERE vacancy_id = @vacancyId AND {isIn}",
            new { vacancyId, userIds = userIds.ToArray() }, transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(row => row.UserId);
    }

    private static async Task InsertListAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, MatchListRecord list, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO match_lists (id, kind, model_version, vacancy_id, organisation_id, viewer_user_id, subject_user_id, eligible, shown_at)
            VALUES (@Id, @Kind, @ModelVersion, @VacancyId, @OrganisationId, @ViewerUserId, @SubjectUserId, @Eligible, @ShownAt)
            """,
            new { list.Id, list.Kind, list.ModelVersion, list.VacancyId, list.OrganisationId, list.ViewerUserId, list.SubjectUserId, list.Eligible, list.ShownAt },
            transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO match_list_items (list_id, position, item_ref, score) VALUES (@listId, @position, @ItemRef, @Score)",
            list.Items.Select((item, position) => new { listId = list.Id, position, item.ItemRef, item.Score }),
            transaction, cancellationToken: cancellationToken));
    }

    private static string NewRef() => "C-" + RandomNumberGenerator.GetString(RefAlphabet, RefLength);

    private sealed class ListRow
    {
        public string? ModelVersion { get; set; }

        public int Items { get; set; }
    }
}
