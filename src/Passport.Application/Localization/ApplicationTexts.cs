namespace Passport.Application.Localization;

/// <summary>
/// Marker for the texts the use cases write themselves (<c>ApplicationTexts.resx</c> and its nl, da and nb
/// translations): the wording inside credentials, and why a candidate or vacancy fits. Texts of pages and of HTTP
/// problems stay with <c>Passport.Web</c>; each key lives in one of the two only.
/// </summary>
public sealed class ApplicationTexts;
