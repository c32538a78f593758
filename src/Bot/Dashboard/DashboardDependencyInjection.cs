using System.Threading.RateLimiting;
using AsnBot.Dashboard.Access;
using AsnBot.Dashboard.Audit;
using AsnBot.Dashboard.Components;
using AsnBot.Dashboard.Exports;
using AsnBot.Dashboard.Persistence;
using AsnBot.Knowledge.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using KnowledgeSetup = AsnBot.Knowledge.DependencyInjection;

namespace AsnBot.Dashboard;

public static class DashboardDependencyInjection
{
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        AddPersistence(services);
        AddIdentity(services);

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignInEndpoints.RateLimitPolicy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "AsnBot.Antiforgery";
            // Secure on every HTTPS request; HttpsGate lets plain HTTP in from loopback only.
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        services.AddScoped<AuditLog>();
        services.AddScoped<DashboardAccounts>();
        services.AddScoped<PersonalDataExport>();
        services.AddScoped<Catalog.CatalogEditing>();
        return builder;
    }

    private static void AddPersistence(IServiceCollection services)
    {
        services.AddDbContext<SqliteDashboardDbContext>((provider, options) =>
            options.UseSqlite(KnowledgeSetup.SqliteConnectionString(provider.GetRequiredService<IConfiguration>()),
                    sqlite => sqlite.MigrationsHistoryTable(DashboardDbContext.MigrationsHistoryTable))
                .AddInterceptors(new SqlitePragmas()));
        services.AddDbContext<PostgresDashboardDbContext>((provider, options) =>
            options.UseNpgsql(KnowledgeSetup.PostgresConnectionString(provider.GetRequiredService<IConfiguration>()),
                postgres => postgres.MigrationsHistoryTable(DashboardDbContext.MigrationsHistoryTable)));
        services.AddScoped<DashboardDbContext>(provider =>
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider switch
            {
                DatabaseProvider.Postgres => provider.GetRequiredService<PostgresDashboardDbContext>(),
                _ => provider.GetRequiredService<SqliteDashboardDbContext>(),
            });
        services.AddScoped<IAdditionalSchema, DashboardSchema>();
    }

    private static void AddIdentity(IServiceCollection services)
    {
        services.AddIdentity<DashboardUser, IdentityRole>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 12;
                identity.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<DashboardDbContext>()
            .AddClaimsPrincipalFactory<DashboardClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddOptions<IdentityOptions>().Configure<IOptions<DashboardOptions>>((identity, dashboard) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = dashboard.Value.LockoutAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(dashboard.Value.LockoutMinutes);
        });
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "AsnBot.Admin";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.LoginPath = SignInEndpoints.SignInPage;
            cookie.AccessDeniedPath = "/admin/ditolak";
            cookie.SlidingExpiration = true;
            // APIs answer with a status, pages with the sign-in form.
            cookie.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
        });
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<DashboardOptions>>((cookie, dashboard) => cookie.ExpireTimeSpan = TimeSpan.FromMinutes(dashboard.Value.SessionMinutes));
        services.AddAuthorizationBuilder()
            .AddPolicy(DashboardRoles.StaffPolicy, policy => policy.RequireRole(DashboardRoles.All))
            .AddPolicy(DashboardRoles.CoordinatorPolicy, policy => policy.RequireRole(DashboardRoles.Admin, DashboardRoles.Coordinator))
            .AddPolicy(DashboardRoles.AdminPolicy, policy => policy.RequireRole(DashboardRoles.Admin));
    }

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/admin/ekspor"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>The sign-in pipeline and the dashboard's pages, form posts and exports.</summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseDashboardHttpsGate();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePasswordChangeGate();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapSignIn();
        app.MapExports();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
