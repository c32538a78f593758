using AsnBot.Knowledge.Content;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsnBot.Knowledge.Learning;

public static class LearningDependencyInjection
{
    /// <summary>The micro-learning modules (<c>dialogs/micro-learning/*/module.yaml</c>) and daily progress.</summary>
    public static IServiceCollection AddMicroLearning(this IServiceCollection services)
    {
        services.AddSingleton(provider => LearningModules.Load(
            Path.Combine(provider.GetRequiredService<IOptions<ContentOptions>>().Value.DialogsDirectory, "micro-learning")));
        services.AddScoped<DailyLearning>();
        return services;
    }
}
