namespace Passport.Domain.Validation;

/// <summary>Collects broken rules while checking an input; empty means valid.</summary>
public sealed class ValidationErrors
{
    private readonly List<ValidationError> _errors = [];

    public bool IsValid => _errors.Count == 0;

    public IReadOnlyList<ValidationError> Errors => _errors;

    public void Add(string field, string code, params object[] arguments) => _errors.Add(new ValidationError(field, code, arguments));
}
