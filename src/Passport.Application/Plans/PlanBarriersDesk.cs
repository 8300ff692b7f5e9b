using System.Security.Claims;
using Passport.Application.Accounts;
using Passport.Application.PersonalData;
using Passport.Data.Plans;
using Passport.Domain.Consent;
using Passport.Domain.Plans;

namespace Passport.Application.Plans;

/// <summary>
/// The barriers and needs on a plan (<see cref="PlanBarriers"/>): the young person names them; a professional whose
/// organisation holds the person's <c>plan</c> consent reads and sets them through the consent door (every refusal
/// is a 404, every read is in the person's access log).
/// </summary>
public sealed class PlanBarriersDesk(PlanBarrierRepository barriers, IPersonalData personalData, TimeProvider time)
{
    public const string PersonSide = "Person";
    public const string ProfessionalSide = "Professional";

    public async Task<IReadOnlyList<string>> GetMineAsync(ClaimsPrincipal person, CancellationToken cancellationToken = default) =>
        Ordered(await barriers.ListAsync(OwnerId(person), cancellationToken));

    public Task<Outcome<IReadOnlyList<string>>> SetMineAsync(ClaimsPrincipal person, IReadOnlyList<string>? named, CancellationToken cancellationToken = default) =>
        SetAsync(OwnerId(person), named, PersonSide, cancellationToken);

    /// <summary>The person's barriers, when they share their plan with the caller's organisation; null otherwise.</summary>
    public async Task<IReadOnlyList<string>?> ReadAsync(ClaimsPrincipal staff, Guid personId, AccessChannel channel, CancellationToken cancellationToken = default) =>
        await personalData.ReadAsync(staff, personId, [DataCategory.Plan], channel, cancellationToken) is null
            ? null
            : Ordered(await barriers.ListAsync(personId, cancellationToken));

    public async Task<Outcome<IReadOnlyList<string>>> SetAsStaffAsync(
        ClaimsPrincipal staff, Guid personId, IReadOnlyList<string>? named, AccessChannel channel, CancellationToken cancellationToken = default) =>
        await personalData.ReadAsync(staff, personId, [DataCategory.Plan], channel, cancellationToken) is null
            ? Outcome.Fail<IReadOnlyList<string>>(OutcomeStatus.NotFound, "Consent.Problem.PersonNotFound")
            : await SetAsync(personId, named, ProfessionalSide, cancellationToken);

    private async Task<Outcome<IReadOnlyList<string>>> SetAsync(Guid personId, IReadOnlyList<string>? named, string side, CancellationToken cancellationToken)
    {
        var errors = PlanBarriers.Check(named, out var checkedBarriers);
        if (!errors.IsValid)
        {
            return Outcome.Invalid<IReadOnlyList<string>>(errors);
        }

        await barriers.ReplaceAsync(personId, checkedBarriers, side, time.GetUtcNow(), cancellationToken);
        return Outcome.Done(checkedBarriers);
    }

    private static IReadOnlyList<string> Ordered(IReadOnlyList<PlanBarrierRow> rows) =>
        [.. PlanBarriers.All.Where(barrier => rows.Any(row => row.Barrier == barrier))];

    private static Guid OwnerId(ClaimsPrincipal person) => person?.GetUserId() ?? throw new InvalidOperationException("Only a signed-in person has a plan.");
}
