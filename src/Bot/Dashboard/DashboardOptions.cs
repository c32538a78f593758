using System.ComponentModel.DataAnnotations;

namespace AsnBot.Dashboard;

/// <summary>The coordinators' dashboard at <c>/admin</c>: sign-in limits.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Sign-in attempts one client address may make per minute; more are answered 429.</summary>
    [Range(1, 1000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>Wrong passwords in a row before the account is locked.</summary>
    [Range(1, 100)]
    public int LockoutAttempts { get; set; } = 5;

    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>How long a sign-in lasts without activity.</summary>
    [Range(5, 1440)]
    public int SessionMinutes { get; set; } = 480;
}
