using System.Text.Json;
using Passport.Domain.Organisations;

namespace Passport.Web.Demo;

/// <summary>The shape of <c>content/demo/demo.json</c>.</summary>
public sealed record DemoContent(string Password, IReadOnlyList<DemoOrganisation> Organisations, IReadOnlyList<DemoAccount> Accounts)
{
    public static DemoContent Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<DemoContent>(stream, SerializerOptions) ?? throw new InvalidDataException("The file is empty.");
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            throw new InvalidDataException($"Content file {path} is not usable: {ex.Message}", ex);
        }
    }

    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerOptions.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}

public sealed record DemoOrganisation(Guid Id, OrganisationKind Kind, string Name, string? Sector, string? Place, string? Website, string? Description);

public sealed record DemoAccount(Guid Id, string Email, string DisplayName, string Role, Guid? Organisation, int? BirthYear, string Language);
