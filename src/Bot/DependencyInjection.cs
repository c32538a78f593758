using AsnBot.Channels.Telegram;
using AsnBot.Channels.Teams;
using AsnBot.Conversations;
using AsnBot.Dashboard;
using AsnBot.Observability;
using AsnBot.Knowledge.Answers;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.Learning;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Recommendations;
using AsnBot.Delivery;
using AsnBot.Evaluation;

namespace AsnBot;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddBot(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddObservability();
        builder.Services.AddConversations();
        builder.AddTelegram();
        builder.AddOutbox();
        builder.Services.AddTeams();
        builder.Services.AddProblemDetails();
        builder.Services.AddTrainingRecommendations();
        builder.Services.AddLearningHours();
        builder.AddQuestionAnswers();
        builder.Services.AddEvaluationAndMentoringDialogs();
        builder.AddDashboard();
        builder.Services.AddMicroLearning();
        builder.Services.AddEnrollments();
        return builder;
    }
}
