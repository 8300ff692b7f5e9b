using System.Text.Json.Serialization;
using Passport.Domain.Consent;

namespace Passport.Application.PersonalData;

/// <summary>
/// Someone's passport as another reader may see it: only the categories the gate allowed are filled, the others are
/// left out of the JSON altogether.
/// </summary>
public sealed record SharedPassport(
    Guid PersonId,
    IReadOnlyList<string> Categories,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SharedSkill>? Skills,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SharedEndorsement>? Endorsements,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SharedSprintDetails? SprintDetails,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SharedExperience>? Experiences,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SharedContact? Contact)
{
    /// <summary>The categories this passport holds, as the door allowed them.</summary>
    [JsonIgnore]
    public IReadOnlySet<DataCategory> Shares => DataCategories.ParseStored(string.Join(' ', Categories)).ToHashSet();
}

public sealed record SharedSkill(string SkillId, int Level, double Estimate, double StandardError, DateTimeOffset UpdatedAt);

/// <summary>An endorsement the owner accepted; part of the <c>skills</c> category, whether or not the skill was measured.</summary>
public sealed record SharedEndorsement(string SkillId, string EndorserName, string? OrganisationName, string Evidence, DateTimeOffset EndorsedAt);

public sealed record SharedSprintDetails(int CompletedSprints, IReadOnlyList<SharedSkillEvidence> Skills);

public sealed record SharedSkillEvidence(string SkillId, int EvidenceCount, IReadOnlyList<string> Sprints, DateTimeOffset UpdatedAt);

public sealed record SharedExperience(
    string Kind, string Title, string? Organisation, string? Place, DateOnly StartedOn, DateOnly? EndedOn, string? Description, IReadOnlyList<string> EscoUris);

public sealed record SharedContact(string Name, string Email);
