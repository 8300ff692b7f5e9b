using System.Security.Claims;
using Passport.Application.Accounts;
using Passport.Data.Database;
using Passport.Data.Organisations;
using Passport.Domain.Organisations;
using Passport.Domain.Sectors;
using Passport.Domain.Validation;

namespace Passport.Application.Organisations;

/// <summary>
/// Organisations, for staff (their own, from their token) and for administrators. Kind, legal name and sector decide
/// whose consent covers an organisation, so only an administrator changes them; staff asking to get
/// <see cref="OutcomeStatus.Forbidden"/> and nothing changes. Every change is recorded with who made it.
/// </summary>
public sealed class OrganisationDesk(OrganisationRepository organisations, SectorCatalog sectors)
{
    private const string NotFound = "Problem.OrganisationNotFound";

    /// <summary>The organisation the staff member acts for.</summary>
    public Task<Organisation?> MineAsync(ClaimsPrincipal staff, CancellationToken cancellationToken = default) =>
        staff?.GetOrganisationId() is { } organisationId ? organisations.FindAsync(organisationId, cancellationToken) : Task.FromResult<Organisation?>(null);

    /// <summary>
    /// Staff edit their organisation's place, website and description. Kind, name and sector may be sent back as they
    /// are (a client that edits what it read), or left out; a different value is refused, naming the fields.
    /// </summary>
    public async Task<Outcome<Organisation>> EditMineAsync(
        ClaimsPrincipal staff, string? kind, OrganisationProfile asked, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(asked);
        if (await MineAsync(staff, cancellationToken) is not { } current)
        {
            return Outcome.Fail<Organisation>(OutcomeStatus.NotFound, NotFound);
        }

        var profile = asked with { Name = string.IsNullOrEmpty(asked.Name) ? current.Name : asked.Name, Sector = asked.Sector ?? current.Sector };
        var refused = OrganisationChanges.Between(current.Kind, current.Profile, current.Kind, profile)
            .Select(change => change.Field)
            .Where(OrganisationChanges.AdminOnly.Contains)
            .ToList();
        if (!string.IsNullOrWhiteSpace(kind) && !string.Equals(kind.Trim(), current.Kind.ToString(), StringComparison.Ordinal))
        {
            refused.Insert(0, OrganisationChanges.Kind);
        }

        if (refused.Count > 0)
        {
            return Outcome.Refused<Organisation>(OutcomeStatus.Forbidden, "Problem.OrganisationIdentity", "fields", refused);
        }

        var errors = profile.Validate(sectors);
        if (!errors.IsValid)
        {
            return Outcome.Invalid<Organisation>(errors);
        }

        var update = await organisations.UpdateAsync(current, current.Kind, profile, Editor(staff, isAdmin: false), cancellationToken);
        return update.Organisation is { } stored ? Outcome.Done(stored) : Outcome.Fail<Organisation>(OutcomeStatus.Conflict, "Problem.OrganisationChanged");
    }

    public Task<IReadOnlyList<Organisation>> ListAsync(PageRequest page, CancellationToken cancellationToken = default) =>
        organisations.ListAsync(page, cancellationToken);

    public async Task<Outcome<Organisation>> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        await organisations.FindAsync(id, cancellationToken) is { } organisation ? Outcome.Done(organisation) : Outcome.Fail<Organisation>(OutcomeStatus.NotFound, NotFound);

    /// <summary>A new organisation, by an administrator.</summary>
    public async Task<Outcome<Organisation>> CreateAsync(string? kind, OrganisationProfile profile, CancellationToken cancellationToken = default)
    {
        var (checkedKind, errors) = Check(kind, profile);
        if (!errors.IsValid)
        {
            return Outcome.Invalid<Organisation>(errors);
        }

        var id = Guid.CreateVersion7();
        await organisations.CreateAsync(id, checkedKind, profile, isDemo: false, cancellationToken);
        return Outcome.Done((await organisations.FindAsync(id, cancellationToken))!);
    }

    /// <summary>An administrator replaces every field. A change of kind needs the organisation to have no staff yet: their roles follow it.</summary>
    public async Task<Outcome<Organisation>> ReplaceAsync(
        ClaimsPrincipal admin, Guid id, string? kind, OrganisationProfile profile, CancellationToken cancellationToken = default)
    {
        var (checkedKind, errors) = Check(kind, profile);
        if (!errors.IsValid)
        {
            return Outcome.Invalid<Organisation>(errors);
        }

        if (await organisations.FindAsync(id, cancellationToken) is not { } current)
        {
            return Outcome.Fail<Organisation>(OutcomeStatus.NotFound, NotFound);
        }

        var update = await organisations.UpdateAsync(current, checkedKind, profile, Editor(admin, isAdmin: true), cancellationToken);
        return update.Outcome switch
        {
            OrganisationUpdateOutcome.Done => Outcome.Done(update.Organisation!),
            OrganisationUpdateOutcome.KindHasStaff => Outcome.Fail<Organisation>(OutcomeStatus.Conflict, "Problem.OrganisationKindHasStaff"),
            _ => Outcome.Fail<Organisation>(OutcomeStatus.Conflict, "Problem.OrganisationChanged"),
        };
    }

    /// <summary>The recorded changes of an organisation, newest first.</summary>
    public async Task<Outcome<IReadOnlyList<OrganisationChangeRow>>> ChangesAsync(Guid id, PageRequest page, CancellationToken cancellationToken = default) =>
        await organisations.FindAsync(id, cancellationToken) is null
            ? Outcome.Fail<IReadOnlyList<OrganisationChangeRow>>(OutcomeStatus.NotFound, NotFound)
            : Outcome.Done(await organisations.ListChangesAsync(id, page, cancellationToken));

    private (OrganisationKind Kind, ValidationErrors Errors) Check(string? kind, OrganisationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var errors = profile.Validate(sectors);
        // Enum.TryParse also accepts numbers; only the names are part of the API.
        if (!Enum.GetNames<OrganisationKind>().Contains(kind, StringComparer.Ordinal) || !Enum.TryParse<OrganisationKind>(kind, out var parsed))
        {
            errors.Add("kind", "OrganisationKind.Unknown", string.Join(", ", Enum.GetNames<OrganisationKind>()));
            parsed = default;
        }

        return (parsed, errors);
    }

    private static OrganisationEditor Editor(ClaimsPrincipal editor, bool isAdmin) =>
        new(editor?.GetUserId() ?? throw new InvalidOperationException("Only a signed-in user changes an organisation."), isAdmin);
}
