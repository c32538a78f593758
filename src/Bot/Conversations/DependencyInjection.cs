using AsnBot.Conversations.Actions;
using AsnBot.Conversations.Dialogs;
using AsnBot.Knowledge.Content;
using AsnBot.Learning;
using Microsoft.Extensions.Options;

namespace AsnBot.Conversations;

public static class ConversationsDependencyInjection
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddScoped<IDialogAction, LoadProfileAction>();
        services.AddScoped<IDialogAction, RecordConsentAction>();
        services.AddScoped<IDialogAction, ResolveProvinceAction>();
        services.AddScoped<IDialogAction, SaveProfileAction>();
        services.AddScoped<IDialogAction, ShowMyDataAction>();
        services.AddScoped<IDialogAction, DeleteMyDataAction>();
        services.AddScoped<IDialogAction, BeginNeedsSurveyAction>();
        services.AddScoped<IDialogAction, NextCompetencyRatingAction>();
        services.AddScoped<IDialogAction, RecordCompetencyRatingAction>();
        services.AddScoped<IDialogAction, SaveNeedsSurveyAction>();
        services.AddScoped<IDialogAction, RecommendTrainingsAction>();
        services.AddScoped<IDialogAction, IssueLinkCodeAction>();
        services.AddScoped<IDialogAction, RedeemLinkCodeAction>();
        services.AddScoped<IDialogAction, AnswerQuestionAction>();
        services.AddScoped<IDialogAction, HandOffQuestionAction>();
        services.AddScoped<IDialogAction, ShowLearningHoursAction>();

        services.AddMicroLearningActions();

        services.AddSingleton(provider =>
        {
            var folder = provider.GetRequiredService<IOptions<ContentOptions>>().Value.DialogsDirectory;
            return LearningDialogs.Checked(DialogValidator.LoadAndValidate(folder, ActionNames(provider)), provider);
        });
        services.AddOptions<FloodOptions>().BindConfiguration(FloodOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FloodGuard>();
        services.AddOptions<ReceiptOptions>().BindConfiguration(ReceiptOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReceiptOptions>, ReceiptOptions.Validation>();
        services.AddSingleton<ReceiptPruning>();
        services.AddHostedService(provider => provider.GetRequiredService<ReceiptPruning>());
        services.AddSingleton<TurnGate>();
        services.AddSingleton<TurnStore>();
        services.AddSingleton<FreeTextRouter>();
        services.AddSingleton<DialogActionCatalog>();
        services.AddSingleton<ConversationService>();
        return services;
    }

    /// <summary>The names dialogs may call, read from the registered actions themselves.</summary>
    public static IReadOnlySet<string> ActionNames(IServiceProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return provider.GetRequiredService<DialogActionCatalog>().Names.ToHashSet(StringComparer.Ordinal);
    }
}
