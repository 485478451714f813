using System.Globalization;

namespace Dqe.Cdk.Observability.Rules;

/// <summary>Formatting helpers for PromQL text.</summary>
internal static class Promql
{
    /// <summary>A number as PromQL reads it, independent of the current culture.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
