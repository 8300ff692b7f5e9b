namespace Passport.Web.Localization;

/// <summary>Marker for the product's texts in <c>Texts.resx</c> and its nl, da and nb translations.</summary>
public sealed class Texts;
