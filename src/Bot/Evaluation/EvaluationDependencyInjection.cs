using AsnBot.Conversations.Actions;
using AsnBot.Knowledge.Mentoring;
using AsnBot.Mentoring;

namespace AsnBot.Evaluation;

public static class EvaluationDependencyInjection
{
    /// <summary>The questionnaire and mentoring dialogs' actions, the content they read, and the items' labels for coordinators.</summary>
    public static IServiceCollection AddEvaluationAndMentoringDialogs(this IServiceCollection services)
    {
        services.AddEvaluationAndMentoring();
        services.AddSingleton<EvaluationItemLabels>();
        services.AddScoped<IDialogAction, OpenEvaluationAction>();
        services.AddScoped<IDialogAction, SaveLikertEvaluationAction>();
        services.AddScoped<IDialogAction, NextTestQuestionAction>();
        services.AddScoped<IDialogAction, RecordTestQuestionAction>();
        services.AddScoped<IDialogAction, SaveTestEvaluationAction>();
        services.AddScoped<IDialogAction, PendingEvaluationAction>();
        services.AddScoped<IDialogAction, OpenMentoringSessionAction>();
        services.AddScoped<IDialogAction, SaveMentoringSessionAction>();
        services.AddScoped<IDialogAction, OpenMentoringFollowUpAction>();
        services.AddScoped<IDialogAction, SaveMentoringFollowUpAction>();
        services.AddScoped<IDialogAction, OpenChangeProjectAction>();
        services.AddScoped<IDialogAction, StartChangeProjectAction>();
        services.AddScoped<IDialogAction, CompleteChangeProjectMilestoneAction>();
        return services;
    }
}
