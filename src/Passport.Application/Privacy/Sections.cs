using Passport.Application.Consent;
using Passport.Application.Credentials;
using Passport.Data.Accounts;
using Passport.Data.Consent;
using Passport.Data.Endorsements;
using Passport.Data.Experiences;
using Passport.Data.JobSeekers;
using Passport.Data.Organisations;
using Passport.Data.Sharing;
using Passport.Data.Sprints;
using Passport.Data.Vacancies;
using Passport.Data.Workshops;
using Passport.Grains.Consent;
using Passport.Grains.JobSeekers;

namespace Passport.Application.Privacy;

/// <summary>
/// The account itself, the job seeker's preferences, and the changes a staff member or administrator made to
/// organisations and to published vacancies.
/// </summary>
internal sealed class AccountSection(UserStore users, JobSeekerRepository jobSeekers, OrganisationRepository organisations, VacancyRepository vacancies)
    : IPersonalDataSection
{
    public string Name => "account";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString(), cancellationToken);
        if (user is null)
        {
            return null;
        }

        var preferences = await jobSeekers.GetPreferencesAsync(userId, cancellationToken);
        var organisationChanges = await organisations.ListChangesByAsync(userId, cancellationToken);
        var vacancyChanges = await vacancies.ListChangesByAsync(userId, cancellationToken);
        return new
        {
            user.Id,
            user.Email,
            user.DisplayName,
            user.Language,
            user.BirthYear,
            Roles = user.Roles,
            user.OrganisationId,
            user.CreatedAt,
            Preferences = new { preferences.Sectors, preferences.HoursPerWeek, preferences.HomePlace, preferences.OpenToMatching },
            OrganisationChanges = organisationChanges.Select(change => new
            {
                change.OrganisationId, change.ChangedAt, change.ChangedByRole, change.Field, change.OldValue, change.NewValue,
            }),
            VacancyChanges = vacancyChanges.Select(change => new { change.VacancyId, change.ChangedAt, Fields = change.FieldList }),
        };
    }

    // The account row is deleted last, by the erasure itself; preferences cascade from it, and the organisations' and
    // vacancies' histories keep each change but no longer say by whom (changed_by_user_id is set null).
    public Task EraseAsync(Guid userId, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Sprint sessions, every answer given, and the passport derived from them.</summary>
internal sealed class SprintSection(SprintRepository sprints, IGrainFactory grains) : IPersonalDataSection
{
    public string Name => "sprints";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var sessions = await sprints.GetSessionsOfUserAsync(userId, cancellationToken);
        var responses = await sprints.GetResponsesOfUserAsync(userId, cancellationToken);
        var passport = await grains.GetGrain<IJobSeekerGrain>(userId).GetPassportAsync();
        return new
        {
            Passport = new
            {
                Skills = passport.Skills.Select(skill => new { skill.SkillId, skill.Estimate, skill.StandardError, skill.Level, skill.EvidenceCount, skill.UpdatedAt }),
                Xp = passport.TotalXp,
                passport.Level,
                passport.Badges,
                passport.StreakDays,
                passport.CompletedSprints,
            },
            Sessions = sessions.Select(session => new
            {
                session.Id, session.SprintId, session.Status, session.Language, session.PresentedCount, session.CompletionXp,
                session.CreatedAt, session.UpdatedAt, session.CompletedAt,
            }),
            Answers = responses.Select(response => new
            {
                response.SessionId, response.ItemId, response.SkillId, response.Position, response.Answer, response.Category, response.Xp, response.AnsweredAt,
            }),
        };
    }

    /// <summary>Ends unfinished sessions first, so no session grain writes for an account that is gone.</summary>
    public async Task EraseAsync(Guid userId, CancellationToken cancellationToken)
    {
        var passport = await grains.GetGrain<IJobSeekerGrain>(userId).GetPassportAsync();
        foreach (var session in passport.OpenSessions)
        {
            await grains.GetGrain<Grains.Sprints.ISprintSessionGrain>(session.SessionId).AbandonAsync(userId);
        }
    }
}

/// <summary>Consents with their records, the guardian's consent, and the log of who read the person's data.</summary>
internal sealed class ConsentSection(ConsentRepository consents, AccessLogRepository accessLog, IGrainFactory grains) : IPersonalDataSection
{
    private const int WholeLog = int.MaxValue;

    public string Name => "consent";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var given = await grains.GetGrain<IConsentGrain>(userId).ListAsync();
        var records = await consents.ListRecordsOfOwnerAsync(userId, cancellationToken);
        var guardian = await consents.FindGuardianConsentAsync(userId, cancellationToken);
        var reads = await accessLog.ListForSubjectAsync(userId, WholeLog, cancellationToken: cancellationToken);
        return new
        {
            Consents = given.Select(ConsentResponse.From),
            Records = records.Select(record => System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>(record.Record)),
            GuardianConsent = guardian is null ? null : new { guardian.GuardianName, guardian.Method, guardian.OrganisationId, guardian.ConfirmedAt },
            AccessLog = reads.Select(AccessLogEntryResponse.From),
        };
    }

    /// <summary>The person's own rows cascade; as a reader (staff) their name leaves other people's access logs.</summary>
    public Task EraseAsync(Guid userId, CancellationToken cancellationToken) => accessLog.ForgetReaderAsync(userId, cancellationToken);
}

/// <summary>Workshops the job seeker joined (their agreement to the notice).</summary>
internal sealed class WorkshopSection(WorkshopRepository workshops) : IPersonalDataSection
{
    public string Name => "workshops";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken) =>
        (await workshops.GetParticipationsOfUserAsync(userId, cancellationToken))
            .Select(participation => new { participation.WorkshopId, participation.DisplayName, participation.JoinedAt });

    // Participant rows cascade; the workshop board in memory is left by the job seeker grain when it forgets.
    public Task EraseAsync(Guid userId, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Experiences the person entered, endorsements they received, and those they wrote as staff.</summary>
internal sealed class RecordsSection(ExperienceRepository experiences, EndorsementRepository endorsements) : IPersonalDataSection
{
    public string Name => "records";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken) => new
    {
        Experiences = (await experiences.ListAsync(userId, cancellationToken)).Select(record => new
        {
            record.Id, record.Experience.Kind, record.Experience.Title, record.Experience.Organisation, record.Experience.Place,
            record.Experience.StartedOn, record.Experience.EndedOn, record.Experience.Description, record.Experience.EscoUris,
            record.CreatedAt, record.UpdatedAt,
        }),
        Endorsements = (await endorsements.ListAsync(userId, cancellationToken)).Select(endorsement => new
        {
            endorsement.Id, endorsement.SkillId, endorsement.Evidence, endorsement.Status, endorsement.EndorserName,
            endorsement.OrganisationName, endorsement.CreatedAt, endorsement.DecidedAt, endorsement.WithdrawnAt,
        }),
    };

    /// <summary>The person's own rows cascade; as an endorser their name leaves what they wrote about others.</summary>
    public Task EraseAsync(Guid userId, CancellationToken cancellationToken) => endorsements.ForgetEndorserAsync(userId, cancellationToken);
}

/// <summary>The person's share links: what each shows, until when, how often it was opened (never the secret).</summary>
internal sealed class ShareLinkSection(ShareLinkRepository links) : IPersonalDataSection
{
    public string Name => "shareLinks";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken) =>
        (await links.ListForOwnerAsync(userId, cancellationToken)).Select(link => new
        {
            link.Id, link.Label, link.Categories, link.Status, link.CreatedAt, link.ExpiresAt, link.RevokedAt, link.LastOpenedAt, link.OpenCount,
        });

    // Links cascade from the account, and a deleted link opens nothing.
    public Task EraseAsync(Guid userId, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Credentials the person downloaded: which, when, whether revoked (the credentials themselves are theirs, not stored).</summary>
internal sealed class CredentialSection(CredentialService credentials) : IPersonalDataSection
{
    public string Name => "credentials";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken) =>
        (await credentials.ListAsync(userId, cancellationToken: cancellationToken)).Select(credential => new
        {
            credential.Id, credential.Kind, credential.SkillId, credential.Status, credential.IssuedAt, credential.RevokedAt,
        });

    /// <summary>Revoked in the status list, so verifiers see it, and unlinked from the person; the bit stays set for good.</summary>
    public Task EraseAsync(Guid userId, CancellationToken cancellationToken) => credentials.RevokeAllForErasureAsync(userId, cancellationToken);
}
