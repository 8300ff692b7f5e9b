using System.Globalization;
using Microsoft.Extensions.Localization;
using Passport.Domain.Validation;

namespace Passport.Web.Localization;

/// <summary>Turns the domain's rule codes into sentences in the request's language.</summary>
public sealed class ValidationMessages(IStringLocalizer<Texts> texts)
{
    public string Describe(ValidationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var template = texts[$"Validation.{error.Code}"];
        if (template.ResourceNotFound)
        {
            // Identity may report rules we switched off and so never worded; say something true rather than a code.
            template = texts["Validation.Identity.Other"];
        }

        return string.Format(CultureInfo.CurrentCulture, template.Value, error.Arguments);
    }

    public Dictionary<string, string[]> ToDictionary(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Errors
            .GroupBy(error => error.Field, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(Describe).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>An RFC 9457 validation problem (400) listing every broken rule by field.</summary>
    public ValidationProblem Problem(ValidationErrors errors) =>
        TypedResults.ValidationProblem(ToDictionary(errors), title: texts["Problem.Validation"]);
}
