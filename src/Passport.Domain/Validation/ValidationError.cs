namespace Passport.Domain.Validation;

/// <summary>
/// One broken rule: the field it concerns and a stable code. Codes are translated at the edge
/// (resource key <c>Validation.{Code}</c>), so the domain stays free of language.
/// </summary>
public sealed record ValidationError(string Field, string Code, params object[] Arguments);
