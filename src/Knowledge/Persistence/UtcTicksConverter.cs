using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AsnBot.Knowledge.Persistence;

/// <summary>Instants are stored as UTC ticks: sortable and comparable on SQLite and PostgreSQL alike.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
