using AsnBot.Broadcasts;
using AsnBot.Channels.Web;
using Microsoft.Extensions.Options;

namespace AsnBot.Delivery;

public static class DeliveryDependencyInjection
{
    /// <summary>The outbox dispatcher, the web chat's inbox sender and coordinator broadcasts.</summary>
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidation>();
        services.AddSingleton<IChannelSender, WebChatSender>();
        services.AddSingleton<ChannelSenders>();
        services.AddSingleton<OutboxReplies>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
        services.AddScoped<BroadcastService>();
        return builder;
    }

    private sealed class DeliveryOptionsValidation : IValidateOptions<DeliveryOptions>
    {
        public ValidateOptionsResult Validate(string? name, DeliveryOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
