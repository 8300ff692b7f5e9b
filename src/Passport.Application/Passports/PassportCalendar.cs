using Microsoft.Extensions.Options;
using Passport.Grains.Sprints;

namespace Passport.Application.Passports;

/// <summary>
/// The calendar day on the platform's clock (<c>Sprints:TimeZone</c>), for rules like "an experience cannot start
/// in the future" and for showing dates; the same zone the passport's play days use.
/// </summary>
public sealed class PassportCalendar(TimeProvider time, IOptions<SprintOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateOnly Today() => DateOnly.FromDateTime(Local(time.GetUtcNow()).DateTime);

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone);
}
