namespace Dqe.Core.Remediation.Lambda;

/// <summary>Whether an alert still fires, asked of the alert's source (Prometheus) after the verify wait.</summary>
public interface IAlertSource
{
    /// <summary>True while Prometheus has <c>ALERTS{alertstate="firing"}</c> for <paramref name="alertName"/> with <paramref name="labels"/>.</summary>
    Task<bool> IsFiringAsync(string alertName, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);
}
