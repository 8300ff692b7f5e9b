using Microsoft.Extensions.Options;
using Passport.Domain.Reminders;
using Passport.Grains.Sprints;

namespace Passport.Application.Reminders;

/// <summary>The reminders of an appointment under this deployment's settings: <c>Reminders:*</c> on the <c>Sprints:TimeZone</c> clock.</summary>
public sealed class ReminderPlanner(IOptions<RemindersOptions> options, IOptions<SprintOptions> sprints)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(sprints.Value.TimeZone);

    /// <summary>The platform's clock, for words about times.</summary>
    public TimeZoneInfo Zone => _zone;

    /// <summary>The reminders of an appointment starting at <paramref name="startsAt"/>, booked or moved at <paramref name="now"/>.</summary>
    public IReadOnlyList<ReminderDue> Plan(DateTimeOffset startsAt, DateTimeOffset now) =>
        ReminderPolicy.Plan(startsAt, now, options.Value.Leads(), options.Value.Quiet(), _zone);
}
