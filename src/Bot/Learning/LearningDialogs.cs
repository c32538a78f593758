using AsnBot.Conversations.Actions;
using AsnBot.Conversations.Dialogs;
using AsnBot.Knowledge.Learning;
using AsnBot.Knowledge.LearningHours;

namespace AsnBot.Learning;

public static class LearningDialogs
{
    /// <summary>The dialog actions of daily learning.</summary>
    public static IServiceCollection AddMicroLearningActions(this IServiceCollection services)
    {
        services.AddScoped<IDialogAction, ShowLearningAction>();
        services.AddScoped<IDialogAction, EnrollModuleAction>();
        services.AddScoped<IDialogAction, NextLearningStepAction>();
        services.AddScoped<IDialogAction, RecordLessonAction>();
        services.AddScoped<IDialogAction, RecordRepetitionAction>();
        services.AddScoped<IDialogAction, ClaimCertificateAction>();
        services.AddScoped<NextLearningSuggestion>();
        services.AddSingleton<CertificateIntake>();
        return services;
    }

    /// <summary>Checks the micro-learning modules against the loaded dialogs and adds the repetition dialogs.</summary>
    public static DialogSet Checked(DialogSet dialogs, IServiceProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var modules = provider.GetRequiredService<LearningModules>();
        var errors = LessonDialogs.Validate(dialogs, modules, provider.GetRequiredService<JpConversionTable>());
        if (errors.Count > 0)
            throw new InvalidDialogsException(errors);
        return LessonDialogs.WithRepetitions(dialogs, modules);
    }
}
