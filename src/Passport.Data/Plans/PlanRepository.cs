using Dapper;
using Passport.Data.Database;
using Passport.Domain.Plans;

namespace Passport.Data.Plans;

/// <summary>
/// Young people's plans: the plan row, its steps and its history. A save writes the plan's new version, the steps
/// that changed and the new history in one transaction, and only over the version it was loaded at, so two writers
/// (two silos during a split, say) can never both win.
/// </summary>
public sealed class PlanRepository(PassportDatabase database)
{
    /// <summary>The person's plan; an empty one (version 0) when nothing was stored yet.</summary>
    public async Task<Plan> LoadAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var plan = await connection.QuerySingleOrDefaultAsync<PlanRow>(new CommandDefinition(
            "SELECT goal AS Goal, version AS Version, updated_at AS UpdatedAt FROM plans WHERE person_id = @personId",
            new { personId }, cancellationToken: cancellationToken));
        if (plan is null)
        {
            return Plan.Empty(personId);
        }

        var steps = await connection.QueryAsync<StepRow>(new CommandDefinition(
            """
            SELECT id AS Id, title AS Title, meaning AS Meaning, owner_user_id AS OwnerUserId, owner_name AS OwnerName, due_on AS DueOn,
                   status AS Status, created_at AS CreatedAt, updated_at AS UpdatedAt,
                   referral_organisation_id AS ReferralOrganisationId, referral_organisation_name AS ReferralOrganisationName,
                   referral_suggested_share AS ReferralSuggestedShare, referral_share AS ReferralShare, referral_went AS ReferralWent,
                   referral_stayed AS ReferralStayed, referral_helped AS ReferralHelped, referral_outcome_at AS ReferralOutcomeAt
            FROM plan_steps WHERE person_id = @personId ORDER BY created_at, id
            """,
            new { personId }, cancellationToken: cancellationToken));
        var history = await connection.QueryAsync<HistoryRow>(new CommandDefinition(
            """
            SELECT id AS Id, at AS At, event AS Event, step_id AS StepId, detail AS Detail, actor_user_id AS ActorUserId,
                   actor_side AS ActorSide, actor_name AS ActorName, organisation_name AS OrganisationName
            FROM plan_history WHERE person_id = @personId ORDER BY at, id
            """,
            new { personId }, cancellationToken: cancellationToken));
        return Plan.Restore(
            personId, plan.Goal, plan.Version, plan.UpdatedAt,
            steps.Select(row => new PlanStep(
                row.Id, row.Title, row.Meaning, row.OwnerUserId, row.OwnerName, row.DueOn, Enum.Parse<PlanStepStatus>(row.Status), row.CreatedAt, row.UpdatedAt,
                row.Referral())),
            history.Select(row => new PlanHistoryEntry(
                row.Id, row.At, Enum.Parse<PlanEvent>(row.Event), row.StepId, row.Detail, row.ActorUserId, Enum.Parse<PlanSide>(row.ActorSide),
                row.ActorName, row.OrganisationName)));
    }

    /// <summary>
    /// Stores what changed since the plan was loaded at <paramref name="loadedVersion"/>; false (nothing written) when
    /// the stored plan is no longer at that version.
    /// </summary>
    public async Task<bool> SaveAsync(Plan plan, int loadedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var values = new { plan.PersonId, plan.Goal, plan.Version, UpdatedAt = plan.UpdatedAt ?? DateTimeOffset.UnixEpoch, loadedVersion };
        var written = await connection.ExecuteAsync(new CommandDefinition(
            loadedVersion == 0
                ? "INSERT INTO plans (person_id, goal, version, updated_at) VALUES (@PersonId, @Goal, @Version, @UpdatedAt) ON CONFLICT (person_id) DO NOTHING"
                : "UPDATE plans SET goal = @Goal, version = @Version, updated_at = @UpdatedAt WHERE person_id = @PersonId AND version = @loadedVersion",
            values, transaction, cancellationToken: cancellationToken));
        if (written != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        foreach (var step in plan.ChangedSteps)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO plan_steps (id, person_id, title, meaning, owner_user_id, owner_name, due_on, status, created_at, updated_at,
                                        referral_organisation_id, referral_organisation_name, referral_suggested_share, referral_share,
                                        referral_went, referral_stayed, referral_helped, referral_outcome_at)
                VALUES (@Id, @PersonId, @Title, @Meaning, @OwnerUserId, @OwnerName, @DueOn, @Status, @CreatedAt, @UpdatedAt,
                        @ReferralOrganisationId, @ReferralOrganisationName, @ReferralSuggestedShare, @ReferralShare,
                        @ReferralWent, @ReferralStayed, @ReferralHelped, @ReferralOutcomeAt)
                ON CONFLICT (id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at, referral_share = excluded.referral_share,
                    referral_went = excluded.referral_went, referral_stayed = excluded.referral_stayed, referral_helped = excluded.referral_helped,
                    referral_outcome_at = excluded.referral_outcome_at
                """,
                new
                {
                    step.Id, plan.PersonId, step.Title, step.Meaning, step.OwnerUserId, step.OwnerName, step.DueOn,
                    Status = step.Status.ToString(), step.CreatedAt, step.UpdatedAt,
                    ReferralOrganisationId = step.Referral?.OrganisationId, ReferralOrganisationName = step.Referral?.OrganisationName,
                    ReferralSuggestedShare = step.Referral is { } referral ? Shares(referral.Suggested) : null,
                    ReferralShare = step.Referral?.Shared is { } shared ? Shares(shared) : null,
                    ReferralWent = step.Referral?.Went ?? false, ReferralStayed = step.Referral?.Stayed ?? false,
                    ReferralHelped = step.Referral?.Helped ?? false, ReferralOutcomeAt = step.Referral?.OutcomeAt,
                },
                transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO plan_history (id, person_id, at, event, step_id, detail, actor_user_id, actor_side, actor_name, organisation_name)
            VALUES (@Id, @PersonId, @At, @Event, @StepId, @Detail, @ActorUserId, @ActorSide, @ActorName, @OrganisationName)
            """,
            plan.NewHistory.Select(entry => new
            {
                entry.Id, plan.PersonId, entry.At, Event = entry.Event.ToString(), entry.StepId, entry.Detail, entry.ActorUserId,
                ActorSide = entry.ActorSide.ToString(), entry.ActorName, entry.OrganisationName,
            }),
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// A staff member's account is being erased: their name goes from every plan they changed or own a step in (the
    /// entries stay, so each plan still says what happened and when). Returns the people whose plans changed.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> ForgetStaffAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var people = (await connection.QueryAsync<Guid>(new CommandDefinition(
            """
            SELECT person_id FROM plan_history WHERE actor_user_id = @userId AND person_id <> @userId
            UNION SELECT person_id FROM plan_steps WHERE owner_user_id = @userId
            """,
            new { userId }, transaction, cancellationToken: cancellationToken))).ToList();
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE plan_history SET actor_name = '', actor_user_id = NULL WHERE actor_user_id = @userId AND person_id <> @userId",
            new { userId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE plan_steps SET owner_name = '', owner_user_id = NULL WHERE owner_user_id = @userId",
            new { userId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return people;
    }

    private static string Shares(IEnumerable<ReferralShare> shares) => string.Join(',', shares);

    private sealed class PlanRow
    {
        public string? Goal { get; set; }

        public int Version { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }
    }

    private sealed class StepRow
    {
        public Guid Id { get; set; }

        public string Title { get; set; } = "";

        public string? Meaning { get; set; }

        public Guid? OwnerUserId { get; set; }

        public string? OwnerName { get; set; }

        public DateOnly? DueOn { get; set; }

        public string Status { get; set; } = "";

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }

        /// <summary>The organisation's id goes (SET NULL) if its entry is ever deleted; the copied name keeps the step a referral.</summary>
        public Guid? ReferralOrganisationId { get; set; }

        public string? ReferralOrganisationName { get; set; }

        public string? ReferralSuggestedShare { get; set; }

        public string? ReferralShare { get; set; }

        public bool ReferralWent { get; set; }

        public bool ReferralStayed { get; set; }

        public bool ReferralHelped { get; set; }

        public DateTimeOffset? ReferralOutcomeAt { get; set; }

        public PlanReferral? Referral() => ReferralOrganisationName is null
            ? null
            : new PlanReferral(
                ReferralOrganisationId ?? Guid.Empty, ReferralOrganisationName, ParseShares(ReferralSuggestedShare ?? ""),
                ReferralShare is null ? null : ParseShares(ReferralShare), ReferralWent, ReferralStayed, ReferralHelped, ReferralOutcomeAt);

        private static ReferralShare[] ParseShares(string list) =>
            [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ReferralShare>)];
    }

    private sealed class HistoryRow
    {
        public Guid Id { get; set; }

        public DateTimeOffset At { get; set; }

        public string Event { get; set; } = "";

        public Guid? StepId { get; set; }

        public string Detail { get; set; } = "";

        public Guid? ActorUserId { get; set; }

        public string ActorSide { get; set; } = "";

        public string ActorName { get; set; } = "";

        public string? OrganisationName { get; set; }
    }
}
