using Passport.Data.Localization;
using Passport.Data.Pathways;
using Passport.Domain.Pathways;

namespace Passport.Grains.Pathways;

/// <summary>Between the stored rows of a pathway and its view; used by the grain, the lists and the demo seeder.</summary>
public static class PathwayRows
{
    public static PathwayView ToView(StoredPathway stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var row = stored.Pathway;
        var translations = StoredTranslations.Read(row.Translations);
        var content = new PathwayContent(
            row.Title,
            [.. stored.Modules.Select(module => new PathwayModuleSnapshot(module.Title, module.Weeks)
            {
                TitleTranslations = PathwayContent.Sorted(translations.Module(module.Position)),
            })],
            row.Place,
            row.Latitude,
            row.Longitude,
            row.Capacity,
            [.. stored.EntryRequirements.Select(requirement => new PathwayRequirementSnapshot(requirement.SkillId, requirement.MinimumLevel))],
            [.. stored.Gains.Select(gain => new PathwayGainSnapshot(gain.SkillId, gain.ExpectedGain))])
        {
            Language = translations.Language,
            TitleTranslations = PathwayContent.Sorted(translations.TitleOrNone),
            StartsOn = row.StartsOn,
            EndsOn = row.EndsOn,
        };
        return new PathwayView(row.Id, row.OrganisationId, row.OrganisationName, Enum.Parse<PathwayStatus>(row.Status), content, row.CreatedAt, row.UpdatedAt);
    }

    public static StoredPathway ToStored(PathwayView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var content = view.Content;
        return new StoredPathway(
            new PathwayRow
            {
                Id = view.Id,
                OrganisationId = view.OrganisationId,
                OrganisationName = view.OrganisationName,
                Title = content.Title,
                Place = content.Place,
                Latitude = content.Latitude,
                Longitude = content.Longitude,
                Capacity = content.Capacity,
                StartsOn = content.StartsOn,
                EndsOn = content.EndsOn,
                Status = view.Status.ToString(),
                CreatedAt = view.CreatedAt,
                UpdatedAt = view.UpdatedAt,
                Translations = new StoredTranslations(
                    content.Language, content.TitleTranslations, Modules: [.. content.Modules.Select(module => module.TitleTranslations)]).Write(),
            },
            [.. content.Modules.Select((module, index) => new PathwayModuleRow { PathwayId = view.Id, Position = index, Title = module.Title, Weeks = module.Weeks })],
            [.. content.EntryRequirements.Select((requirement, index) => new PathwayRequirementRow
            {
                PathwayId = view.Id, Position = index, SkillId = requirement.SkillId, MinimumLevel = requirement.MinimumLevel,
            })],
            [.. content.Gains.Select((gain, index) => new PathwayGainRow { PathwayId = view.Id, Position = index, SkillId = gain.SkillId, ExpectedGain = gain.ExpectedGain })]);
    }
}
