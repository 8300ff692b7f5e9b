using System.Collections.Immutable;
using Passport.Domain.Sprints;

namespace Passport.Grains.Sprints;

/// <summary>An answer as it crosses grain boundaries: exactly one of choice, order or value.</summary>
[GenerateSerializer, Immutable]
public sealed record SprintAnswer(
    [property: Id(0)] string? Choice,
    [property: Id(1)] ImmutableArray<string>? Order,
    [property: Id(2)] double? Value)
{
    public Answer ToDomain() => new(Choice, Order is { } order ? [.. order] : null, Value);
}
