using Passport.Domain.Consent;
using Passport.Domain.Validation;

namespace Passport.Domain.Sharing;

/// <summary>The rules every share link must satisfy before anything is stored.</summary>
public static class ShareLinkRules
{
    public const int MaxLabelLength = 80;

    /// <summary>The longest a link may live. A bearer link can be forwarded, so it must always end, and soon.</summary>
    public const int MaxLifetimeDays = 90;

    /// <summary>What the owner's form suggests as the end date.</summary>
    public const int DefaultLifetimeDays = 14;

    public static ValidationErrors Validate(ShareLinkInput input, DateTimeOffset now, out ShareLinkDraft? draft)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        draft = null;

        var categories = new List<DataCategory>();
        if (input.Categories is not { Count: > 0 })
        {
            errors.Add("categories", "ShareLink.Categories.Required");
        }
        else
        {
            foreach (var name in input.Categories)
            {
                if (!DataCategories.TryParse(name, out var category))
                {
                    errors.Add("categories", "ShareLink.Categories.Unknown", name ?? "", string.Join(", ", DataCategories.All.Select(DataCategories.Name)));
                }
                else if (!categories.Contains(category))
                {
                    categories.Add(category);
                }
            }
        }

        if (input.ExpiresAt is not { } expiresAt)
        {
            errors.Add("expiresAt", "ShareLink.Expiry.Required");
        }
        else if (expiresAt <= now)
        {
            errors.Add("expiresAt", "ShareLink.Expiry.Past");
        }
        else if (expiresAt > now.AddDays(MaxLifetimeDays))
        {
            errors.Add("expiresAt", "ShareLink.Expiry.TooFar", MaxLifetimeDays);
        }

        var label = input.Label?.Trim();
        if (label?.Length > MaxLabelLength)
        {
            errors.Add("label", "ShareLink.Label.TooLong", MaxLabelLength);
        }

        if (errors.IsValid)
        {
            draft = new ShareLinkDraft([.. categories.Order()], input.ExpiresAt!.Value, string.IsNullOrEmpty(label) ? null : label);
        }

        return errors;
    }
}
