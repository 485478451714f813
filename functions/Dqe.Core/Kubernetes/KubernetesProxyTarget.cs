using System.Globalization;
using System.Text.RegularExpressions;

namespace Dqe.Core.Kubernetes;

/// <summary>
/// A service or pod port reached through the API server's proxy subresource
/// (<c>/api/v1/namespaces/{ns}/{services|pods}/{scheme}:{name}:{port}/proxy/</c>): the way a function outside the
/// cluster network reaches a ClusterIP service or a pod, over TLS to the API server, authorized by RBAC
/// (<c>services/proxy</c>, <c>pods/proxy</c>).
/// </summary>
public sealed partial record KubernetesProxyTarget
{
    private KubernetesProxyTarget(string resource, string ns, string scheme, string name, int port)
    {
        Resource = resource;
        Namespace = ns;
        Scheme = scheme;
        Name = name;
        Port = port;
    }

    /// <summary><c>services</c> or <c>pods</c>.</summary>
    public string Resource { get; }

    public string Namespace { get; }

    /// <summary><c>http</c> or <c>https</c>: how the API server talks to the target.</summary>
    public string Scheme { get; }

    public string Name { get; }

    public int Port { get; }

    /// <summary>The proxy path below the API server's root, ending in <c>/</c> so relative paths append.</summary>
    public string Path => string.Create(CultureInfo.InvariantCulture, $"api/v1/namespaces/{Namespace}/{Resource}/{Scheme}:{Name}:{Port}/proxy/");

    public static KubernetesProxyTarget Service(string ns, string scheme, string name, int port) => Create("services", ns, scheme, name, port);

    public static KubernetesProxyTarget Pod(string ns, string scheme, string name, int port) => Create("pods", ns, scheme, name, port);

    /// <summary>Parses <c>namespace/scheme:service:port</c> (the form of DQE_PROMETHEUS_SERVICE), or throws naming the expected form.</summary>
    public static KubernetesProxyTarget ParseService(string text)
    {
        var match = ServiceForm().Match(text ?? "");
        return match.Success
            ? Service(match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value, int.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture))
            : throw new ArgumentException($"'{text}' is not namespace/scheme:service:port (e.g. monitoring/http:prometheus:9090).", nameof(text));
    }

    private static KubernetesProxyTarget Create(string resource, string ns, string scheme, string name, int port)
    {
        if (!DnsLabel().IsMatch(ns ?? "") || !DnsName().IsMatch(name ?? ""))
        {
            throw new ArgumentException($"'{ns}/{name}' is not a Kubernetes namespace/name.", nameof(name));
        }

        if (scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"proxy scheme must be http or https, got '{scheme}'.", nameof(scheme));
        }

        return port is > 0 and <= 65535
            ? new KubernetesProxyTarget(resource, ns!, scheme, name!, port)
            : throw new ArgumentOutOfRangeException(nameof(port), port, "port must be 1-65535.");
    }

    [GeneratedRegex("^([a-z0-9-]+)/(https?):([a-z0-9.-]+):([0-9]{1,5})$")]
    private static partial Regex ServiceForm();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$")]
    private static partial Regex DnsName();
}
