using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Passport.Application.Email;

public static class EmailHostingExtensions
{
    /// <summary>
    /// E-mail: the options (section <c>Email</c>, checked on start), the composer that writes messages in the
    /// recipient's language, the links in them, and the delivery loop that sends the outbox through the mail server of
    /// <c>Email:Smtp</c> or, without one, writes <c>.eml</c> files to the pickup folder.
    /// </summary>
    public static IHostApplicationBuilder AddPassportEmail(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddSingleton<EmailLinks>();
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<PickupFolderSender>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<IEmailSender>(provider =>
            string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp.Host)
                ? provider.GetRequiredService<PickupFolderSender>()
                : provider.GetRequiredService<SmtpEmailSender>());
        services.AddSingleton<EmailDesk>();
        services.AddSingleton<EmailDelivery>();
        services.AddSingleton<EmailDeliveryLoop>();
        services.AddHostedService(provider => provider.GetRequiredService<EmailDeliveryLoop>());
        return builder;
    }
}
