using AsnBot.Delivery;
using Microsoft.Extensions.Options;

namespace AsnBot.Channels.Telegram;

public static class TelegramDependencyInjection
{
    /// <summary>
    /// Always registered; what runs depends on the options, read after Build(): no token, no
    /// Telegram calls at all; polling or webhook by Telegram:Mode.
    /// </summary>
    public static IHostApplicationBuilder AddTelegram(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidation>();
        services.AddSingleton<TelegramBot>();
        services.AddSingleton<TelegramFloodGate>();
        services.AddSingleton<TelegramSender>();
        services.AddSingleton<IChannelSender>(provider => provider.GetRequiredService<TelegramSender>());
        services.AddSingleton<TelegramReplies>();
        services.AddSingleton<TelegramUpdates>();
        services.AddSingleton<TelegramFiles>();
        services.AddHostedService<TelegramPolling>();
        services.AddHostedService<TelegramWebhookRegistration>();
        return builder;
    }
}
