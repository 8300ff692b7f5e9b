using Passport.Domain.Skills;
using Passport.Domain.Validation;

namespace Passport.Domain.Endorsements;

/// <summary>What an endorser writes: the skill they saw and a short piece of evidence of it.</summary>
public sealed record EndorsementProposal(string? SkillId, string? Evidence)
{
    public const int MinEvidenceLength = 10;
    public const int MaxEvidenceLength = 500;

    public ValidationErrors Validate(SkillCatalog skills)
    {
        ArgumentNullException.ThrowIfNull(skills);
        var errors = new ValidationErrors();
        if (!skills.IsKnown(SkillId))
        {
            errors.Add("skillId", "Endorsement.Skill.Unknown", SkillId ?? "");
        }

        var evidence = Evidence?.Trim() ?? "";
        if (evidence.Length is < MinEvidenceLength or > MaxEvidenceLength)
        {
            errors.Add("evidence", "Endorsement.Evidence.Length", MinEvidenceLength, MaxEvidenceLength);
        }

        return errors;
    }

    /// <summary>The evidence as stored: trimmed.</summary>
    public string CleanEvidence => Evidence?.Trim() ?? "";
}
