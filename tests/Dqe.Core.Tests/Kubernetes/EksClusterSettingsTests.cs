using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Dqe.Core.Kubernetes;
using Dqe.Core.Tests.TestHelpers;
using k8s;

namespace Dqe.Core.Tests.Kubernetes;

public class EksClusterSettingsTests
{
    [Theory]
    [InlineData("DQE_EKS_CLUSTER_NAME", null, "DQE_EKS_CLUSTER_NAME is not set")]
    [InlineData("DQE_EKS_ENDPOINT", null, "DQE_EKS_ENDPOINT is not set")]
    [InlineData("DQE_EKS_ENDPOINT", "http://plain.example", "DQE_EKS_ENDPOINT must be an https URL")]
    [InlineData("DQE_EKS_ENDPOINT", "not a url", "DQE_EKS_ENDPOINT must be an https URL")]
    [InlineData("DQE_EKS_CA_DATA", null, "DQE_EKS_CA_DATA is not set")]
    [InlineData("DQE_EKS_CA_DATA", "%%%", "DQE_EKS_CA_DATA must be base64-encoded PEM")]
    [InlineData("DQE_EKS_CA_DATA", "aGVsbG8=", "DQE_EKS_CA_DATA holds no PEM certificate")]
    [InlineData("AWS_REGION", null, "AWS_REGION is not set")]
    public void FromEnvironment_MissingOrBadVariable_ErrorNamesIt(string variable, string? value, string expected)
    {
        var environment = ValidEnvironment();
        environment.Set(variable, value);

        var error = Assert.Throws<InvalidOperationException>(() => EksClusterSettings.FromEnvironment(environment));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ValidEnvironment_ClientForTheEndpointTrustingTheClusterCa()
    {
        var environment = ValidEnvironment();
        var settings = EksClusterSettings.FromEnvironment(environment);
        using var tokens = new EksTokenProvider(new EksTokenOptions { ClusterName = "dqe", Region = "eu-west-1" }, new CountingCredentialsSource(), TimeProvider.System);

        var configuration = EksKubernetesClientFactory.Configure(settings, tokens);
        var client = new EksKubernetesClientFactory(environment, new CountingCredentialsSource(), TimeProvider.System).Create();

        Assert.Equal("dqe", settings.ClusterName);
        Assert.Equal("CN=dqe-test-ca", Assert.Single(configuration.SslCaCerts).Subject);
        Assert.Same(tokens, configuration.TokenProvider);
        Assert.False(configuration.SkipTlsVerify);
        Assert.Equal(new Uri("https://ABC.gr7.eu-west-1.eks.amazonaws.com/"), client.BaseUri);
    }

    [Fact]
    public async Task Create_NoChaosClusterYet_ClientSerializesCustomObjects()
    {
        // A warm function builds the host client for a Prometheus probe before the chaos step creates Chaos Mesh
        // objects through it: the client must carry the custom-object JSON metadata from the start. The endpoint
        // is closed, so reaching the network (rather than failing to serialize) is the proof.
        var environment = ValidEnvironment();
        environment.Set("DQE_EKS_ENDPOINT", "https://127.0.0.1:9");
        using var client = (k8s.Kubernetes)new EksKubernetesClientFactory(environment, new CountingCredentialsSource(), TimeProvider.System).Create();
        using var manifest = System.Text.Json.JsonDocument.Parse("""{"apiVersion":"chaos-mesh.org/v1alpha1","kind":"PodChaos","metadata":{"name":"x"}}""");

        var error = await Record.ExceptionAsync(() => client.CustomObjects.CreateNamespacedCustomObjectAsync(manifest.RootElement.Clone(), "chaos-mesh.org", "v1alpha1", "trino", "podchaos"));

        Assert.IsType<HttpRequestException>(error);
    }

    private static FakeEnvironment ValidEnvironment() => new(
        ("DQE_EKS_CLUSTER_NAME", "dqe"),
        ("DQE_EKS_ENDPOINT", "https://ABC.gr7.eu-west-1.eks.amazonaws.com"),
        ("DQE_EKS_CA_DATA", Convert.ToBase64String(Encoding.UTF8.GetBytes(TestCaPem()))),
        ("AWS_REGION", "eu-west-1"));

    private static string TestCaPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=dqe-test-ca", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.ExportCertificatePem();
    }
}
