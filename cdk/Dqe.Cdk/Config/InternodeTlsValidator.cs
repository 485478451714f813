using System.Globalization;
using System.Text.RegularExpressions;

namespace Dqe.Cdk.Config;

/// <summary>Checks <c>engines.clickHouse.interserverTls</c> against the images it configures.</summary>
internal static partial class InternodeTlsValidator
{
    /// <summary>First release line whose Keeper speaks Raft over TLS and whose server takes the secure zookeeper node flag.</summary>
    public static readonly Version MinimumClickHouse = new(22, 3);

    public static void Validate(ClickHouseConfig clickHouse, Action<bool, string> check)
    {
        ArgumentNullException.ThrowIfNull(clickHouse);
        if (!clickHouse.InterserverTls.Enabled)
        {
            return;
        }

        Image("engines.clickHouse.image", clickHouse.Image, check);
        Image("engines.clickHouse.keeperImage", clickHouse.KeeperImage, check);
    }

    private static void Image(string key, string image, Action<bool, string> check)
    {
        // Tags that are not MAJOR.MINOR... (digests, custom builds) cannot be compared; the image check covers their form.
        var match = VersionTagPattern().Match(image);
        if (!match.Success)
        {
            return;
        }

        var version = new Version(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        check(version >= MinimumClickHouse,
            $"{key} = '{image}' is older than {MinimumClickHouse} but engines.clickHouse.interserverTls.enabled is true: Keeper Raft TLS and secure zookeeper nodes need {MinimumClickHouse} or later (or set interserverTls.enabled to false)");
    }

    [GeneratedRegex(@":(\d+)\.(\d+)(\.[0-9A-Za-z.-]*)?$")]
    private static partial Regex VersionTagPattern();
}
