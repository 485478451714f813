using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Dqe.Core.Engines;

/// <summary>
/// Verifies the engines' TLS certificates against their own CA (a private issuer that the system store does not
/// know) instead of turning verification off: the chain must end at one of <see cref="Anchors"/>, and the name
/// must match. Until anchors are loaded every certificate the system store rejects is rejected.
/// </summary>
internal sealed class EngineTrust
{
    private X509Certificate2Collection? _anchors;

    /// <summary>The CA certificates chains must end at; set once, read by every handshake.</summary>
    public X509Certificate2Collection? Anchors
    {
        get => Volatile.Read(ref _anchors);
        set => Volatile.Write(ref _anchors, value);
    }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        // A name mismatch or a missing certificate is never excused by a custom root.
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable) || Anchors is not { Count: > 0 } anchors)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(anchors);
        // Private CA without a CRL endpoint: revocation is handled by short certificate lifetimes (cert-manager renews).
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements.Skip(1))
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = new X509Certificate2(certificate);
        return custom.Build(leaf);
    }
}
