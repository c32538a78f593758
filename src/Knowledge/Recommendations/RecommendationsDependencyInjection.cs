using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Competencies;
using AsnBot.Knowledge.Content;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsnBot.Knowledge.Recommendations;

public static class RecommendationsDependencyInjection
{
    /// <summary>The competency framework, the catalog (seeded on first start) and the recommender.</summary>
    public static IServiceCollection AddTrainingRecommendations(this IServiceCollection services)
    {
        services.AddSingleton(provider => CompetencyFramework.Load(DataFile(provider, "competencies.yaml")));
        services.AddSingleton(provider => RecommendationTexts.Load(DataFile(provider, "recommendation-texts.yaml")));
        services.AddSingleton<RecommendationService>();
        services.AddHostedService<CatalogSeeding>();
        return services;
    }

    private static string DataFile(IServiceProvider provider, string name) =>
        provider.GetRequiredService<IOptions<ContentOptions>>().Value.DataFile(name);
}
