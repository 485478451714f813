namespace Dqe.Core.Remediation;

/// <summary>What an action touches. <see cref="Zone"/> is the availability zone when the alert names one ("" otherwise).</summary>
public sealed record RemediationTarget(string Kind, string Namespace, string Name, string Zone = "")
{
    public string Key => string.IsNullOrEmpty(Namespace) ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";

    public override string ToString() => Key;
}
