using System.Data.Common;
using Dapper;
using Passport.Domain.Handovers;
using Passport.Domain.Journeys;

namespace Passport.Data.Journeys;

/// <summary>
/// Hand-overs as the journey and in-view read them, straight from the hand-over branch's columns (0025); this project
/// never writes them. When one was declined, withdrawn or expired comes from its history's row of that status.
/// </summary>
internal static class HandoverReads
{
    public static async Task<IReadOnlyList<(Guid PersonId, HandoverFacts Facts)>> OfPeopleAsync(
        DbConnection connection, string personFilter, object parameters, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT h.id AS Id, h.person_id AS PersonId, h.status AS Status, s.name AS SendingName, r.name AS ReceivingName,
                   h.proposed_at AS ProposedAt, h.expires_at AS ExpiresAt, h.consented_at AS ConsentedAt, h.accepted_at AS AcceptedAt,
                   h.met_at AS MetAt, h.completed_at AS CompletedAt,
                   (SELECT MAX(x.at) FROM handover_history x WHERE x.handover_id = h.id AND x.status = h.status
                        AND h.status IN ('Declined', 'Withdrawn', 'Expired')) AS EndedAt
            FROM handovers h
            JOIN organisations s ON s.id = h.sending_organisation_id
            JOIN organisations r ON r.id = h.receiving_organisation_id
            WHERE {personFilter}
            ORDER BY h.proposed_at, h.id
            """,
            parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(row => (row.PersonId, new HandoverFacts(
            row.Id, Enum.Parse<HandoverStatus>(row.Status), row.SendingName, row.ReceivingName, row.ProposedAt, row.ExpiresAt, row.ConsentedAt,
            row.AcceptedAt, row.MetAt, row.CompletedAt, row.EndedAt ?? (row.Status == nameof(HandoverStatus.Expired) ? row.ExpiresAt : null))))];
    }

    private sealed class Row
    {
        public Guid Id { get; set; }

        public Guid PersonId { get; set; }

        public string Status { get; set; } = "";

        public string SendingName { get; set; } = "";

        public string ReceivingName { get; set; } = "";

        public DateTimeOffset ProposedAt { get; set; }

        public DateTimeOffset ExpiresAt { get; set; }

        public DateTimeOffset? ConsentedAt { get; set; }

        public DateTimeOffset? AcceptedAt { get; set; }

        public DateTimeOffset? MetAt { get; set; }

        public DateTimeOffset? CompletedAt { get; set; }

        public DateTimeOffset? EndedAt { get; set; }
    }
}
