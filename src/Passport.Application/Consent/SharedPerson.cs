namespace Passport.Application.Consent;

/// <summary>Someone who shares with an organisation now: what, why and until when (null: until they stop).</summary>
public sealed record SharedPerson(Guid PersonId, IReadOnlyList<Domain.Consent.DataCategory> Categories, IReadOnlyList<string> Purposes, DateTimeOffset? ExpiresAt);
