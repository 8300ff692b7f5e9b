using Passport.Domain.Validation;

namespace Passport.Domain.Plans;

/// <summary>
/// A step as someone writes it. <see cref="OwnerUserId"/> null: the young person does it; otherwise the contact person
/// named (the caller checks that they are one and passes their name). <see cref="Referral"/>: a referral to a listed
/// organisation of the social map (the caller checks that it is one and passes its name).
/// </summary>
public sealed record PlanStepDraft(string? Title, string? Meaning, Guid? OwnerUserId, string? OwnerName, DateOnly? DueOn, ReferralDraft? Referral = null)
{
    public const int TitleMaxLength = 120;
    public const int MeaningMaxLength = 1000;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors.Add("title", "Plan.Step.Title.Required");
        }
        else if (Title.Trim().Length > TitleMaxLength)
        {
            errors.Add("title", "Plan.Step.Title.TooLong", TitleMaxLength);
        }

        if (Meaning?.Trim().Length > MeaningMaxLength)
        {
            errors.Add("meaning", "Plan.Step.Meaning.TooLong", MeaningMaxLength);
        }

        if (OwnerUserId is not null && string.IsNullOrWhiteSpace(OwnerName))
        {
            errors.Add("owner", "Plan.Step.Owner.Unknown");
        }

        return errors;
    }
}
