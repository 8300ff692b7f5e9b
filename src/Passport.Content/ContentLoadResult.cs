using Passport.Content.Validation;
using Passport.Domain.Skills;
using Passport.Domain.Sprints;

namespace Passport.Content;

/// <summary>
/// What <see cref="ContentLoader.Load"/> found: the catalogues when content/ is sound, otherwise every problem and
/// no catalogues, so nothing half-checked is ever served.
/// </summary>
public sealed record ContentLoadResult(SkillCatalog? Skills, SprintCatalog? Sprints, IReadOnlyList<ContentProblem> Problems)
{
    public bool IsValid => Problems.Count == 0 && Skills is not null && Sprints is not null;
}
