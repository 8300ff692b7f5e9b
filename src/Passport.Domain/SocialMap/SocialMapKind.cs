namespace Passport.Domain.SocialMap;

/// <summary>
/// What kind of organisation a map entry is. The camelCase names (<see cref="SocialMapNames"/>) are stable ids of the
/// public API; the texts are <c>SocialMap.Kind.{Name}</c>.
/// </summary>
public enum SocialMapKind
{
    SportsClub,
    ReligiousCommunity,
    CommunityCentre,
    YouthWork,
    BarberOrShop,
    RoleModel,
    MusicOrArts,
    HomeworkHelp,
    DebtHelp,
    Library,
    Other,
}

/// <summary>
/// What an organisation offers young people; the camelCase names are stable ids of the public API (<c>offer=</c>), the
/// texts <c>SocialMap.Offer.{Name}</c>.
/// </summary>
public enum SocialMapOffer
{
    Sport,
    HangOut,
    HomeworkHelp,
    SomeoneToTalkTo,
    JobTips,
    MoneyHelp,
    Language,
    MusicAndArts,
    Food,
    Faith,
}

/// <summary>The stable ids of kinds and offers: the enum's name in camelCase (<c>sportsClub</c>, <c>someoneToTalkTo</c>).</summary>
public static class SocialMapNames
{
    public static string Name<T>(T value)
        where T : struct, Enum
    {
        var text = value.ToString();
        return string.Concat(char.ToLowerInvariant(text[0]).ToString(), text[1..]);
    }

    /// <summary>Only the exact id counts: no numbers, no other casing, so an id is one spelling only.</summary>
    public static bool TryParse<T>(string? name, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
