namespace Dqe.Cdk.Engines;

/// <summary>Values of the external-secrets chart.</summary>
internal sealed record ExternalSecretsValues(
    bool InstallCRDs,
    ExternalSecretsValues.AccountValues ServiceAccount,
    object NodeSelector,
    ExternalSecretsValues.ComponentValues Webhook,
    ExternalSecretsValues.ComponentValues CertController)
{
    internal sealed record AccountValues(bool Create, string Name, IReadOnlyDictionary<string, string> Annotations);

    internal sealed record ComponentValues(object NodeSelector);
}
