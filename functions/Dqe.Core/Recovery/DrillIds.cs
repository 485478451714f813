using System.Globalization;
using System.Text.RegularExpressions;

namespace Dqe.Core.Recovery;

/// <summary>Drill run ids: <c>dr-SCENARIO-yyyyMMdd-HHmmss</c>, safe as a label value, an SQL literal and a file name.</summary>
public static partial class DrillIds
{
    public const string Label = "dqe.io/drill-run";

    public static string New(DrScenario scenario, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"dr-{DrScenarios.NameOf(scenario)}-{at.UtcDateTime:yyyyMMdd-HHmmss}");

    public static string Require(string runId) =>
        runId is not null && Pattern().IsMatch(runId) ? runId : throw new ArgumentException($"run id '{runId}' must match {Pattern()}.", nameof(runId));

    [GeneratedRegex("^dr-[a-z0-9-]{1,55}$")]
    private static partial Regex Pattern();
}
