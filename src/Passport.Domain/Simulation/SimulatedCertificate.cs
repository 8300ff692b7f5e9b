namespace Passport.Domain.Simulation;

/// <summary>A certificate a simulated candidate can hold: the name a vacancy's must-have uses and its ESCO concept, if any.</summary>
public sealed record SimulatedCertificate(string Label, string? EscoUri);
