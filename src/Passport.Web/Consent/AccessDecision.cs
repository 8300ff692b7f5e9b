using Passport.Domain.Consent;

namespace Passport.Web.Consent;

/// <summary>
/// The gate's answer: which of the asked categories the caller may see now. Denied is empty, and callers answer it
/// with 404, so a refusal never tells whether the person exists.
/// </summary>
public sealed record AccessDecision(IReadOnlySet<DataCategory> Categories, bool IsOwner)
{
    public static AccessDecision Denied { get; } = new(new HashSet<DataCategory>(), false);

    public bool IsAllowed => Categories.Count > 0;

    public bool Allows(DataCategory category) => Categories.Contains(category);
}
