namespace AsnBot.Dashboard.Access;

/// <summary>
/// Who may sign in to the dashboard. An Admin sees every agency and the audit log; a
/// Coordinator sees and acts on the people of their agencies only (claims of type
/// <see cref="AgencyClaim"/>); a Mentor sees their own mentees (the person of <see cref="MentorNipClaim"/>).
/// </summary>
public static class DashboardRoles
{
    public const string Admin = "Admin";
    public const string Coordinator = "Coordinator";
    public const string Mentor = "Mentor";

    public static readonly IReadOnlyList<string> All = [Admin, Coordinator, Mentor];

    /// <summary>One claim per agency a coordinator works for, stored as a user claim.</summary>
    public const string AgencyClaim = "asnbot:agency";

    /// <summary>The NIP of the civil servant a Mentor account belongs to, stored as a user claim.</summary>
    public const string MentorNipClaim = "asnbot:mentor-nip";

    /// <summary>Set at sign-in while the account still has its one-time password.</summary>
    public const string MustChangePasswordClaim = "asnbot:must-change-password";

    /// <summary>Pages and APIs for anyone with a dashboard role.</summary>
    public const string StaffPolicy = "dashboard-staff";

    /// <summary>Pages and APIs that work on the people of agencies: Admin and Coordinator.</summary>
    public const string CoordinatorPolicy = "dashboard-coordinator";

    public const string AdminPolicy = "dashboard-admin";
}
