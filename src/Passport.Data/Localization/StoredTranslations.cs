using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Passport.Domain.Accounts;

namespace Passport.Data.Localization;

/// <summary>
/// The <c>translations</c> column of vacancies and pathways (migration 0017): the author's language and the texts in
/// other languages, as JSON. The lists follow the child rows' positions (must-haves, modules).
/// </summary>
public sealed record StoredTranslations(
    string Language,
    IReadOnlyDictionary<string, string>? Title,
    IReadOnlyList<IReadOnlyDictionary<string, string>>? MustHaves = null,
    IReadOnlyList<IReadOnlyDictionary<string, string>>? Modules = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly IReadOnlyDictionary<string, string> None = ImmutableDictionary<string, string>.Empty;

    /// <summary>What a NULL column means: English texts only, as every row written before the column existed.</summary>
    public static StoredTranslations English { get; } = new(Languages.Default, null);

    public static StoredTranslations Read(string? json) =>
        string.IsNullOrWhiteSpace(json) ? English : JsonSerializer.Deserialize<StoredTranslations>(json, Json) ?? English;

    /// <summary>The JSON to store, or null when there is nothing beyond English texts.</summary>
    public string? Write() =>
        Language == Languages.Default && Title is not { Count: > 0 } && !Any(MustHaves) && !Any(Modules)
            ? null
            : JsonSerializer.Serialize(this with { MustHaves = Any(MustHaves) ? MustHaves : null, Modules = Any(Modules) ? Modules : null }, Json);

    public IReadOnlyDictionary<string, string> TitleOrNone => Title ?? None;

    public IReadOnlyDictionary<string, string> MustHave(int position) => At(MustHaves, position);

    public IReadOnlyDictionary<string, string> Module(int position) => At(Modules, position);

    private static IReadOnlyDictionary<string, string> At(IReadOnlyList<IReadOnlyDictionary<string, string>>? list, int position) =>
        list is not null && position < list.Count ? list[position] ?? None : None;

    private static bool Any(IReadOnlyList<IReadOnlyDictionary<string, string>>? list) => list?.Any(texts => texts is { Count: > 0 }) == true;
}
