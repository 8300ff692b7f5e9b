using System.Collections.Immutable;
using Passport.Grains.Sprints;

namespace Passport.Grains.JobSeekers;

/// <summary>The passport's responses on some skills and every item seen before, for a session to select from.</summary>
[GenerateSerializer, Immutable]
public sealed record PassportEvidence(
    [property: Id(0)] ImmutableArray<EvidenceItem> Evidence,
    [property: Id(1)] ImmutableArray<string> SeenItems);
