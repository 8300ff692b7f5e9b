namespace Passport.Domain.Measurement;

/// <summary>
/// One scored answer as the estimator sees it: the item's model and the category scored. The item's identity is
/// deliberately absent; evidence is the same whichever sprint or session it came from.
/// </summary>
public readonly record struct ItemResponse(IResponseModel Model, int Category);
