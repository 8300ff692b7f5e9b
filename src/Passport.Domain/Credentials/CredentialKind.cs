namespace Passport.Domain.Credentials;

/// <summary>What a credential attests: one measured skill, or the whole skills summary. Stored as <see cref="Name"/>.</summary>
public enum CredentialKind
{
    Skill,
    Summary,
}

public static class CredentialKinds
{
    /// <summary>The stored and published name (<c>skill</c>, <c>summary</c>).</summary>
    public static string Name(this CredentialKind kind) => kind switch
    {
        CredentialKind.Skill => "skill",
        CredentialKind.Summary => "summary",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
