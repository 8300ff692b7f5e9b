using Passport.Application.Privacy;
using Passport.Data.Journeys;

namespace Passport.Application.Journeys;

/// <summary>
/// The turning points on the person's journey. Their rows cascade from the account; a professional's name goes from
/// the turning points they recorded for others, which stay the young person's.
/// </summary>
internal sealed class JourneyDataSection(JourneyRepository journeys) : IPersonalDataSection
{
    public string Name => "journey";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken) =>
        (await journeys.ListAsync(userId, cancellationToken))
            .Select(point => new { point.Id, Kind = point.Kind.ToString(), point.OccurredOn, point.Note, point.RecordedByName, point.OrganisationName, point.RecordedAt })
            .ToList();

    public Task EraseAsync(Guid userId, CancellationToken cancellationToken) => journeys.ForgetRecorderAsync(userId, cancellationToken);
}
