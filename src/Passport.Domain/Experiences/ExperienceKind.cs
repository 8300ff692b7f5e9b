namespace Passport.Domain.Experiences;

/// <summary>What kind of experience a passport lists; stored by name and sent in lower case, so never rename a member.</summary>
public enum ExperienceKind
{
    Work,
    Internship,
    Volunteering,
    Education,
}
