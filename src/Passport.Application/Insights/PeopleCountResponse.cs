using Passport.Domain.Insights;

namespace Passport.Application.Insights;

/// <summary>A count of people: <c>count</c> is null when suppressed (fewer than five), <c>label</c> is then "&lt;5"; else both are rounded to five.</summary>
public sealed record PeopleCountResponse(int? Count, string Label)
{
    public static PeopleCountResponse From(PeopleCount count) => new(count.Count, count.Label);
}
