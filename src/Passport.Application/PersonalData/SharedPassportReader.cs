using System.Text.Json;
using Passport.Data.Accounts;
using Passport.Data.Endorsements;
using Passport.Data.Experiences;
using Passport.Domain.Consent;
using Passport.Grains.JobSeekers;

namespace Passport.Application.PersonalData;

/// <summary>
/// Builds a <see cref="SharedPassport"/> holding exactly the categories of an <see cref="AccessDecision"/>. It reads
/// nothing the decision does not cover, so the API, the staff pages and share links cannot show more than allowed.
/// </summary>
internal sealed class SharedPassportReader(IGrainFactory grains, UserStore users, ExperienceRepository experiences, EndorsementRepository endorsements)
{
    public async Task<SharedPassport?> ReadAsync(Guid personId, IReadOnlySet<DataCategory> categories, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var person = await users.FindByIdAsync(personId.ToString(), cancellationToken);
        if (person is null || categories.Count == 0)
        {
            return null;
        }

        PassportSnapshot? passport = null;
        if (categories.Contains(DataCategory.Skills) || categories.Contains(DataCategory.SprintDetails))
        {
            passport = await grains.GetGrain<IJobSeekerGrain>(personId).GetPassportAsync();
        }

        var accepted = categories.Contains(DataCategory.Skills)
            ? await endorsements.ListAcceptedAsync(personId, cancellationToken)
            : null;
        var experienceList = categories.Contains(DataCategory.Experiences)
            ? await experiences.ListAsync(personId, cancellationToken)
            : null;

        return new SharedPassport(
            personId,
            [.. categories.Order().Select(DataCategories.Name)],
            categories.Contains(DataCategory.Skills)
                ? [.. passport!.Skills.Select(skill => new SharedSkill(
                    skill.SkillId, skill.Level, Math.Round(skill.Estimate, 3), Math.Round(skill.StandardError, 3), skill.UpdatedAt))]
                : null,
            accepted?.Select(endorsement => new SharedEndorsement(
                endorsement.SkillId, endorsement.EndorserName, endorsement.OrganisationName, endorsement.Evidence, endorsement.CreatedAt)).ToList(),
            categories.Contains(DataCategory.SprintDetails)
                ? new SharedSprintDetails(
                    passport!.CompletedSprints,
                    [.. passport.Skills.Select(skill => new SharedSkillEvidence(skill.SkillId, skill.EvidenceCount, skill.Sprints, skill.UpdatedAt))])
                : null,
            experienceList?.Select(record => new SharedExperience(
                JsonNamingPolicy.CamelCase.ConvertName(record.Experience.Kind.ToString()), record.Experience.Title, record.Experience.Organisation,
                record.Experience.Place, record.Experience.StartedOn, record.Experience.EndedOn, record.Experience.Description,
                record.Experience.EscoUris)).ToList(),
            categories.Contains(DataCategory.Contact) ? new SharedContact(person.DisplayName, person.Email) : null);
    }
}
