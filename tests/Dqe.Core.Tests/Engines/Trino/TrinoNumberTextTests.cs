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
    public void TryDouble_FastPathValue_EqualsFrameworkParse(string text)
    {
        Assert.True(TrinoNumberText.TryDouble(System.Text.Encoding.ASCII.GetBytes(text), out var value));

        Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("1e10")]
    [InlineData("1234567890123456")]
    [InlineData("")]
    [InlineData("-")]
    public void TryDouble_OutsideFastPath_DeclinesSoFrameworkParses(string text) =>
        Assert.False(TrinoNumberText.TryDouble(System.Text.Encoding.ASCII.GetBytes(text), out _));

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
}
