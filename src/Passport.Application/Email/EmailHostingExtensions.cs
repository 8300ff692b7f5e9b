using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Passport.Application.Email;

public static class EmailHostingExtensions
{
    /// <summary>
    /// E-mail: the options (section <c>Email</c>, checked on start), the composer that writes messages in the
    /// recipient's language, and the links in them.
    /// </summary>
    public static IHostApplicationBuilder AddPassportEmail(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddSingleton<EmailLinks>();
        services.AddSingleton<EmailComposer>();
        return builder;
    }
}
