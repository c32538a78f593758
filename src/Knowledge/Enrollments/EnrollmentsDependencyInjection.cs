using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Knowledge.Enrollments;

public static class EnrollmentsDependencyInjection
{
    public static IServiceCollection AddEnrollments(this IServiceCollection services)
    {
        services.AddScoped<EnrollmentService>();
        services.AddScoped<AttendanceImport>();
        return services;
    }
}
