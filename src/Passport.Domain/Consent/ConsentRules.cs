using Passport.Domain.Validation;

namespace Passport.Domain.Consent;

/// <summary>The rules every consent, granted or requested, must satisfy before anything is stored.</summary>
public static class ConsentRules
{
    public const int MaxPurposeLength = 300;

    public static ValidationErrors Validate(ConsentInput input, DateTimeOffset now, AudienceFacts facts, out ConsentDraft? draft)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(facts);
        var errors = new ValidationErrors();
        draft = null;

        var audience = ReadAudience(input, facts, errors);

        var categories = new List<DataCategory>();
        if (input.Categories is not { Count: > 0 })
        {
            errors.Add("categories", "Consent.Categories.Required");
        }
        else
        {
            foreach (var name in input.Categories)
            {
                if (!DataCategories.TryParse(name, out var category))
                {
                    errors.Add("categories", "Consent.Categories.Unknown", name ?? "", string.Join(", ", DataCategories.All.Select(DataCategories.Name)));
                }
                else if (!categories.Contains(category))
                {
                    categories.Add(category);
                }
            }
        }

        var purpose = input.Purpose?.Trim();
        if (string.IsNullOrEmpty(purpose))
        {
            errors.Add("purpose", "Consent.Purpose.Required");
        }
        else if (purpose.Length > MaxPurposeLength)
        {
            errors.Add("purpose", "Consent.Purpose.TooLong", MaxPurposeLength);
        }

        if (input.ExpiresAt is { } expiry && expiry <= now)
        {
            errors.Add("expiresAt", "Consent.Expiry.Past");
        }

        if (errors.IsValid)
        {
            draft = new ConsentDraft(audience!, [.. categories.Order()], purpose!, input.ExpiresAt);
        }

        return errors;
    }

    private static ConsentAudience? ReadAudience(ConsentInput input, AudienceFacts facts, ValidationErrors errors)
    {
        var named = (input.OrganisationId is not null ? 1 : 0) + (input.Sector is not null ? 1 : 0) + (input.AllEducationPartners ? 1 : 0);
        if (named == 0)
        {
            errors.Add("audience", "Consent.Audience.Required");
            return null;
        }

        if (named > 1)
        {
            errors.Add("audience", "Consent.Audience.OneOnly");
            return null;
        }

        if (input.OrganisationId is { } organisationId)
        {
            if (!facts.OrganisationExists)
            {
                errors.Add("audience", "Consent.Audience.UnknownOrganisation");
                return null;
            }

            return ConsentAudience.Organisation(organisationId);
        }

        if (input.Sector is { } sector)
        {
            if (!facts.SectorKnown)
            {
                errors.Add("audience", "Consent.Audience.UnknownSector", sector);
                return null;
            }

            return ConsentAudience.EmployersInSector(sector);
        }

        return ConsentAudience.AllEducationPartners;
    }
}
