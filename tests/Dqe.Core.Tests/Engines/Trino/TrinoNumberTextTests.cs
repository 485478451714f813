using System.Globalization;
using Dqe.Core.Engines.Trino;

namespace Dqe.Core.Tests.Engines.Trino;

public class TrinoNumberTextTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-1.5")]
    [InlineData("1234.5678901")]
    [InlineData("0.1")]
    [InlineData("123456789012345")]
    [InlineData("-0.00000001")]
    [InlineData("9007199.25474099")]
    [InlineData("1234567890123456")]
    [InlineData("0.17857142857142858")]
    [InlineData("9007199254740993.0")] // halfway between 2^53 and 2^53 + 2: ties to even (2^53)
    [InlineData("9007199254740995.0")] // halfway: ties to even (2^53 + 4)
    [InlineData("9007199254740993.5")] // just above halfway: rounds up
    [InlineData("-1844674407370955.161")]
    [InlineData("9999999999999999999")]
    [InlineData("0.000000000000000001")]
    public void TryDouble_FastPathValue_EqualsFrameworkParse(string text)
    {
        Assert.True(TrinoNumberText.TryDouble(System.Text.Encoding.ASCII.GetBytes(text), out var value));

        Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("1e10")]
    [InlineData("12345678901234567890")]
    [InlineData("")]
    [InlineData("-")]
    public void TryDouble_OutsideFastPath_DeclinesSoFrameworkParses(string text) =>
        Assert.False(TrinoNumberText.TryDouble(System.Text.Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void TryDouble_RandomShortestRoundTripTexts_EqualFrameworkParseBitForBit()
    {
        var random = new Random(20261201);
        var checkedCount = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var value = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 17));
            var text = value.ToString("R", CultureInfo.InvariantCulture);

            // Declining (exponent, more than 19 digits) is allowed: the caller then uses the framework parser.
            if (!TrinoNumberText.TryDouble(System.Text.Encoding.ASCII.GetBytes(text), out var parsed))
            {
                continue;
            }

            Assert.True(BitConverter.DoubleToInt64Bits(value) == BitConverter.DoubleToInt64Bits(parsed), $"{text}: {parsed:R}");
            checkedCount++;
        }

        Assert.True(checkedCount > 150_000, $"only {checkedCount} texts took the fast path");
    }

    [Fact]
    public void TryDouble_RandomLongMantissas_EqualFrameworkParse()
    {
        var random = new Random(7);
        for (var i = 0; i < 100_000; i++)
        {
            var digits = random.NextInt64(1, long.MaxValue).ToString(CultureInfo.InvariantCulture) + random.Next(0, 10).ToString(CultureInfo.InvariantCulture);
            var point = random.Next(1, digits.Length);
            var text = digits[..point] + "." + digits[point..];
            if (digits.Length > 19)
            {
                continue;
            }

            Assert.True(TrinoNumberText.TryDouble(System.Text.Encoding.ASCII.GetBytes(text), out var parsed), text);
            Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), parsed);
        }
    }

    [Theory]
    [InlineData("9007199254740993", true, 9007199254740993L)]
    [InlineData("-42", true, -42L)]
    [InlineData("9223372036854775807", false, 0L)]
    [InlineData("1.0", false, 0L)]
    public void TryInt64_Digits_ParsesOrDeclines(string text, bool parsed, long expected)
    {
        Assert.Equal(parsed, TrinoNumberText.TryInt64(System.Text.Encoding.ASCII.GetBytes(text), out var value));
        if (parsed)
        {
            Assert.Equal(expected, value);
        }
    }

    [Theory]
    [InlineData("12345678.90")]
    [InlineData("-0.01")]
    [InlineData("999999999999999999")]
    [InlineData("0")]
    public void TryDecimal_UpTo18Digits_EqualsFrameworkParseIncludingScale(string text)
    {
        Assert.True(TrinoNumberText.TryDecimal(System.Text.Encoding.ASCII.GetBytes(text), out var value));

        Assert.Equal(decimal.Parse(text, CultureInfo.InvariantCulture), value);
        Assert.Equal(text.TrimStart('-'), value.ToString(CultureInfo.InvariantCulture).TrimStart('-'));
    }

    [Theory]
    [InlineData("1234567890123456789.5")]
    [InlineData("1e5")]
    public void TryDecimal_OutsideFastPath_Declines(string text) =>
        Assert.False(TrinoNumberText.TryDecimal(System.Text.Encoding.ASCII.GetBytes(text), out _));
}
