namespace Dqe.Cdk.Engines;

/// <summary>Values of the cert-manager chart: CRDs installed with the chart, every component on the general pool.</summary>
internal sealed record CertManagerValues(
    CertManagerValues.CrdValues Crds,
    object NodeSelector,
    CertManagerValues.ComponentValues Webhook,
    CertManagerValues.ComponentValues Cainjector,
    CertManagerValues.ComponentValues Startupapicheck)
{
    internal sealed record CrdValues(bool Enabled, bool Keep);

    internal sealed record ComponentValues(object NodeSelector);
}
