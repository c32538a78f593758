using AsnBot.Knowledge.Content;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsnBot.Knowledge.LearningHours;

public static class LearningHoursDependencyInjection
{
    /// <summary>The JP conversion table (<c>data/jp-conversion.yaml</c>) and the ledger.</summary>
    public static IServiceCollection AddLearningHours(this IServiceCollection services)
    {
        services.AddSingleton(provider => JpConversionTable.Load(
            provider.GetRequiredService<IOptions<ContentOptions>>().Value.DataFile("jp-conversion.yaml")));
        services.AddScoped<LearningHoursLedger>();
        services.AddScoped<Certificates>();
        return services;
    }
}
