using Dapper;
using Passport.Data.Database;
using Passport.Domain.InView;
using Passport.Domain.Journeys;

namespace Passport.Data.Journeys;

/// <summary>
/// What in-view needs to judge the people who share their plan with a municipality: their names, plan steps, contacts,
/// appointments that are over, hand-overs and contact persons. Nothing else of theirs is read.
/// </summary>
public sealed class InViewRepository(PassportDatabase database)
{
    /// <summary>
    /// The facts of each of <paramref name="sharedSince"/>'s people (who share their plan with the organisation, and
    /// since when). Contact is an appointment with any organisation that is over, not cancelled and not marked missed,
    /// or a change to the plan by any professional.
    /// </summary>
    public async Task<IReadOnlyList<InViewFacts>> ReadAsync(
        IReadOnlyDictionary<Guid, DateTimeOffset> sharedSince, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sharedSince);
        if (sharedSince.Count == 0)
        {
            return [];
        }

        var people = sharedSince.Keys.ToArray();
        var parameters = new { people, now };
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var names = (await connection.QueryAsync<NameRow>(new CommandDefinition(
            $"SELECT id AS PersonId, display_name AS Name FROM users WHERE {database.IsIn("id", "people")}", parameters, cancellationToken: cancellationToken)))
            .ToDictionary(row => row.PersonId, row => row.Name);
        var steps = (await connection.QueryAsync<StepRow>(new CommandDefinition(
            $"""
            SELECT person_id AS PersonId, status AS Status, updated_at AS UpdatedAt FROM plan_steps WHERE {database.IsIn("person_id", "people")}
            """,
            parameters, cancellationToken: cancellationToken))).ToLookup(row => row.PersonId);
        var appointments = (await connection.QueryAsync<AppointmentRow>(new CommandDefinition(
            $"""
            SELECT person_id AS PersonId, starts_at AS StartsAt, ends_at AS EndsAt, attendance AS Attendance FROM appointments
            WHERE {database.IsIn("person_id", "people")} AND status <> 'Cancelled' AND ends_at <= @now
            """,
            parameters, cancellationToken: cancellationToken))).ToLookup(row => row.PersonId);
        var planContacts = (await connection.QueryAsync<AtRow>(new CommandDefinition(
            $"""
            SELECT person_id AS PersonId, MAX(at) AS At FROM plan_history
            WHERE {database.IsIn("person_id", "people")} AND actor_side = 'Professional' GROUP BY person_id
            """,
            parameters, cancellationToken: cancellationToken))).ToDictionary(row => row.PersonId, row => row.At);
        var contactPersons = (await connection.QueryAsync<ContactRow>(new CommandDefinition(
            $"""
            SELECT c.person_id AS PersonId, u.deactivated_at AS DeactivatedAt, c.ended_at AS EndedAt, c.successor_user_id AS SuccessorUserId
            FROM contact_persons c JOIN users u ON u.id = c.staff_user_id WHERE {database.IsIn("c.person_id", "people")}
            """,
            parameters, cancellationToken: cancellationToken))).ToLookup(row => row.PersonId);
        var handovers = (await HandoverReads.OfPeopleAsync(connection, database.IsIn("h.person_id", "people"), parameters, cancellationToken))
            .ToLookup(handover => handover.PersonId, handover => handover.Facts);

        return [.. people.Where(names.ContainsKey).Select(personId =>
        {
            var held = appointments[personId].Where(row => row.Attendance != "Missed").Select(row => (DateTimeOffset?)row.EndsAt);
            var lastContact = held.Append(planContacts.TryGetValue(personId, out var planned) ? planned : null).Max();
            var personSteps = steps[personId].ToList();
            return new InViewFacts(
                personId,
                names[personId],
                sharedSince[personId],
                personSteps.Any(step => step.Status is "Proposed" or "Agreed" or "InProgress"),
                personSteps.Count == 0 ? null : personSteps.Max(step => step.UpdatedAt),
                lastContact,
                [.. appointments[personId].Select(row => new PastAppointment(row.StartsAt, row.Attendance == "Missed"))],
                [.. handovers[personId]],
                [.. contactPersons[personId].Select(row => new ContactPersonState(row.DeactivatedAt, row.EndedAt, row.SuccessorUserId is not null))],
                contactPersons[personId].Any(row => row.EndedAt is null && row.DeactivatedAt is null));
        })];
    }

    /// <summary>
    /// When each person started sharing their plan with the organisation: the earliest of their consents to it that
    /// are granted now (the caller decides which of them cover the plan).
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, DateTimeOffset>> GrantedSinceAsync(
        Guid organisationId, IReadOnlyCollection<Guid> people, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(people);
        if (people.Count == 0)
        {
            return new Dictionary<Guid, DateTimeOffset>();
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AtRow>(new CommandDefinition(
            $"""
            SELECT user_id AS PersonId, MIN(COALESCE(decided_at, created_at)) AS At FROM consents
            WHERE audience_organisation_id = @organisationId AND status = 'Granted' AND {database.IsIn("user_id", "people")}
            GROUP BY user_id
            """,
            new { organisationId, people = people.ToArray() }, cancellationToken: cancellationToken));
        return rows.ToDictionary(row => row.PersonId, row => row.At);
    }

    private sealed class NameRow
    {
        public Guid PersonId { get; set; }

        public string Name { get; set; } = "";
    }

    private sealed class StepRow
    {
        public Guid PersonId { get; set; }

        public string Status { get; set; } = "";

        public DateTimeOffset UpdatedAt { get; set; }
    }

    private sealed class AppointmentRow
    {
        public Guid PersonId { get; set; }

        public DateTimeOffset StartsAt { get; set; }

        public DateTimeOffset EndsAt { get; set; }

        public string? Attendance { get; set; }
    }

    private sealed class AtRow
    {
        public Guid PersonId { get; set; }

        public DateTimeOffset At { get; set; }
    }

    private sealed class ContactRow
    {
        public Guid PersonId { get; set; }

        public DateTimeOffset? DeactivatedAt { get; set; }

        public DateTimeOffset? EndedAt { get; set; }

        public Guid? SuccessorUserId { get; set; }
    }
}
