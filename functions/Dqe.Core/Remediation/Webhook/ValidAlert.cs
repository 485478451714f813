namespace Dqe.Core.Remediation.Webhook;

/// <summary>An alert that passed validation: every field the decision engine reads is present.</summary>
public sealed record ValidAlert(
    string Fingerprint,
    bool Firing,
    string AlertName,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset StartsAt,
    string GeneratorUrl)
{
    public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : "";
}
