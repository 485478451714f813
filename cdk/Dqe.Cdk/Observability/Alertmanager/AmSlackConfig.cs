namespace Dqe.Cdk.Observability.Alertmanager;

/// <summary>Slack incoming webhook; its URL (the credential) is read from a mounted secret file.</summary>
public sealed record AmSlackConfig(string ApiUrlFile, string Channel, string Title, string Text, bool SendResolved = true);
