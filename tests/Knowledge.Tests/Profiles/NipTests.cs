using AsnBot.Knowledge.Profiles;

namespace AsnBot.Knowledge.Tests.Profiles;

public sealed class NipTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("198503122010011003", NipProblem.None)]
    [InlineData("19850312 201001 1 003", NipProblem.None)]
    [InlineData("19850312.201001.2.003", NipProblem.None)]
    [InlineData("199001012015032001", NipProblem.None)]
    [InlineData("19850312201001100", NipProblem.WrongLength)]
    [InlineData("1985031220100110031", NipProblem.WrongLength)]
    [InlineData("", NipProblem.WrongLength)]
    [InlineData("19850312201001100A", NipProblem.NotDigits)]
    [InlineData("198502302010011003", NipProblem.ImpossibleBirthDate)]
    [InlineData("198513012010011003", NipProblem.ImpossibleBirthDate)]
    [InlineData("203001012010011003", NipProblem.ImpossibleBirthDate)]
    [InlineData("198503122010131003", NipProblem.ImpossibleStartDate)]
    [InlineData("198503122000011003", NipProblem.StartBeforeEighteen)]
    [InlineData("198503122003021003", NipProblem.StartBeforeEighteen)]
    [InlineData("198503122027011003", NipProblem.StartInFuture)]
    [InlineData("198503122010013003", NipProblem.UnknownGender)]
    [InlineData("198503122010010003", NipProblem.UnknownGender)]
    public void NIP_is_checked_digit_by_digit(string input, NipProblem expected)
    {
        Assert.Equal(expected, Nip.TryParse(input, Today, out _));
    }

    [Fact]
    public void A_valid_NIP_yields_birth_date_start_month_and_gender()
    {
        Assert.Equal(NipProblem.None, Nip.TryParse("19850312 201001 2 003", Today, out var nip));
        Assert.Equal("198503122010012003", nip!.Value);
        Assert.Equal(new DateOnly(1985, 3, 12), nip.BirthDate);
        Assert.Equal(new DateOnly(2010, 1, 1), nip.CivilServiceStart);
        Assert.Equal(Gender.Female, nip.Gender);
    }

    [Fact]
    public void Start_in_the_month_of_the_eighteenth_birthday_is_accepted()
    {
        Assert.Equal(NipProblem.None, Nip.TryParse("198503122003031003", Today, out _));
    }

    [Fact]
    public void Masking_keeps_only_the_ends()
    {
        Assert.Equal("1985***********003", Nip.Mask("198503122010011003"));
    }
}
