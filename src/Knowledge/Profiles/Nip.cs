using System.Globalization;

namespace AsnBot.Knowledge.Profiles;

public enum NipProblem
{
    None,
    WrongLength,
    NotDigits,
    ImpossibleBirthDate,
    ImpossibleStartDate,
    StartBeforeEighteen,
    StartInFuture,
    UnknownGender,
}

public enum Gender
{
    Male = 1,
    Female = 2,
}

/// <summary>
/// Nomor Induk Pegawai: birth date yyyymmdd, TMT CPNS yyyymm, gender digit, sequence nnn.
/// </summary>
public sealed record Nip(string Value, DateOnly BirthDate, DateOnly CivilServiceStart, Gender Gender)
{
    public const int Length = 18;

    public static NipProblem TryParse(string? input, DateOnly today, out Nip? nip)
    {
        nip = null;
        var digits = Normalize(input);
        if (digits.Any(c => !char.IsAsciiDigit(c)))
            return NipProblem.NotDigits;
        if (digits.Length != Length)
            return NipProblem.WrongLength;

        if (!DateOnly.TryParseExact(digits[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1940 || birth > today)
            return NipProblem.ImpossibleBirthDate;

        if (!DateOnly.TryParseExact(digits[8..14] + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            return NipProblem.ImpossibleStartDate;
        if (start > today)
            return NipProblem.StartInFuture;
        // TMT CPNS is a month; the person must have turned 18 by the end of it.
        var endOfStartMonth = start.AddMonths(1).AddDays(-1);
        if (endOfStartMonth < birth.AddYears(18))
            return NipProblem.StartBeforeEighteen;

        var gender = digits[14] switch
        {
            '1' => Gender.Male,
            '2' => Gender.Female,
            _ => (Gender?)null,
        };
        if (gender is null)
            return NipProblem.UnknownGender;

        nip = new Nip(digits, birth, start, gender.Value);
        return NipProblem.None;
    }

    /// <summary>People paste NIPs with spaces and dots ("19850312 201001 1 003").</summary>
    public static string Normalize(string? input) =>
        new((input ?? string.Empty).Where(c => c is not (' ' or '.' or '-' or '\u00A0')).ToArray());

    /// <summary>For screens and logs that must not show the whole number.</summary>
    public static string Mask(string nip) => nip.Length < 6 ? "***" : string.Concat(nip.AsSpan(0, 4), new string('*', nip.Length - 7), nip.AsSpan(nip.Length - 3));
}
