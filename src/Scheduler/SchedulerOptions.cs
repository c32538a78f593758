using System.Globalization;
using AsnBot.Knowledge.Outbox;

namespace AsnBot.Scheduler;

/// <summary>Settings of scheduled work (<c>Scheduler</c> section).</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>Off: this process runs no jobs (triggers stay in the store for one that does).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Quiet hours in the recipient's local time, "HH:mm-HH:mm"; empty for none.</summary>
    public string QuietHours { get; set; } = "21:00-07:00";

    /// <summary>No messages on Saturday and Sunday (local time): they wait for Monday.</summary>
    public bool WeekendSilence { get; set; }

    /// <summary>How often the due-work job looks for reminders and digests to write.</summary>
    public TimeSpan DueWorkInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Local time of the H-1 session reminder.</summary>
    public string ReminderTime { get; set; } = "09:00";

    /// <summary>Local time of the Monday week-ahead digest.</summary>
    public string DigestTime { get; set; } = "07:30";

    /// <summary>Local time a session's first day starts where it is held (the catalog has dates only).</summary>
    public string SessionStartTime { get; set; } = "08:00";

    public DeliveryWindow Window() =>
        new(Knowledge.Outbox.QuietHours.Parse(QuietHours) ?? Knowledge.Outbox.QuietHours.None, WeekendSilence);

    public TimeOnly Reminder => TimeOnly.ParseExact(ReminderTime, "HH:mm", CultureInfo.InvariantCulture);

    public TimeOnly SessionStart => TimeOnly.ParseExact(SessionStartTime, "HH:mm", CultureInfo.InvariantCulture);

    public TimeOnly Digest => TimeOnly.ParseExact(DigestTime, "HH:mm", CultureInfo.InvariantCulture);

    public string? Problem()
    {
        if (Knowledge.Outbox.QuietHours.Parse(QuietHours) is null)
            return "Scheduler:QuietHours must look like \"21:00-07:00\" (local HH:mm-HH:mm), or be empty.";
        if (DueWorkInterval < TimeSpan.FromSeconds(1))
            return "Scheduler:DueWorkInterval must be at least one second, e.g. 00:05:00.";
        if (!TimeOnly.TryParseExact(ReminderTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return "Scheduler:ReminderTime must be a local time HH:mm, e.g. 09:00.";
        if (!TimeOnly.TryParseExact(DigestTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return "Scheduler:DigestTime must be a local time HH:mm, e.g. 07:30.";
        if (!TimeOnly.TryParseExact(SessionStartTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return "Scheduler:SessionStartTime must be a local time HH:mm, e.g. 08:00.";
        return null;
    }
}
