using System.Collections.Immutable;
using Passport.Domain.Consent;

namespace Passport.Grains.Consent;

/// <summary>What one organisation may see of one owner right now, and under which consents and purposes.</summary>
[GenerateSerializer, Immutable]
public sealed record ActiveGrant(
    [property: Id(0)] ImmutableArray<DataCategory> Categories,
    [property: Id(1)] ImmutableArray<Guid> ConsentIds,
    [property: Id(2)] ImmutableArray<string> Purposes)
{
    public static ActiveGrant None { get; } = new([], [], []);

    public bool IsEmpty => Categories.IsEmpty;
}
