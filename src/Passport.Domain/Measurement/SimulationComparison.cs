namespace Passport.Domain.Measurement;

/// <summary>
/// Adaptive and fixed-order administration of the same pool to the same simulated players: fixed order under
/// the same stopping rule (how many items it needs), and fixed order cut at the adaptive session's length (how
/// precise it is with as many items).
/// </summary>
public sealed record SimulationComparison(SimulationResult Adaptive, SimulationResult FixedOrder, SimulationResult FixedOrderSameLength);
