namespace Passport.Domain.Measurement;

/// <summary>Adaptive and fixed-order administration of the same pool to the same simulated players.</summary>
public sealed record SimulationComparison(SimulationResult Adaptive, SimulationResult FixedOrder);
