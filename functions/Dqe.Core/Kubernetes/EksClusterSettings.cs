using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Dqe.Core.Hosting;

namespace Dqe.Core.Kubernetes;

/// <summary>
/// The cluster a function talks to, from its environment (set by the CDK construct):
/// <c>DQE_EKS_CLUSTER_NAME</c>, <c>DQE_EKS_ENDPOINT</c> (https URL), <c>DQE_EKS_CA_DATA</c> (base64 PEM,
/// as in kubeconfig's certificate-authority-data) and <c>AWS_REGION</c>. Validated once, naming the bad variable.
/// </summary>
public sealed record EksClusterSettings(string ClusterName, Uri Endpoint, X509Certificate2Collection CaCertificates, string Region)
{
    public const string ClusterNameVariable = "DQE_EKS_CLUSTER_NAME";
    public const string EndpointVariable = "DQE_EKS_ENDPOINT";
    public const string CaDataVariable = "DQE_EKS_CA_DATA";
    public const string RegionVariable = "AWS_REGION";

    public static EksClusterSettings FromEnvironment(IFunctionEnvironment environment)
    {
        var name = Required(environment, ClusterNameVariable);
        var endpointText = Required(environment, EndpointVariable);
        if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException($"{EndpointVariable} must be an https URL, got '{endpointText}'");
        }

        var region = Required(environment, RegionVariable);
        return new EksClusterSettings(name, endpoint, ParseCa(Required(environment, CaDataVariable)), region);
    }

    private static X509Certificate2Collection ParseCa(string base64Pem)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(Encoding.UTF8.GetString(Convert.FromBase64String(base64Pem)));
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            throw new InvalidOperationException($"{CaDataVariable} must be base64-encoded PEM certificates: {e.Message}", e);
        }

        return certificates.Count > 0
            ? certificates
            : throw new InvalidOperationException($"{CaDataVariable} holds no PEM certificate");
    }

    private static string Required(IFunctionEnvironment environment, string name) =>
        environment.Get(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is not set");
}
