using Dqe.Cdk.Config;
using Dqe.Cdk.Engines;

namespace Dqe.Cdk.Tests.Engines;

public sealed class HelmValuesTests
{
    [Fact]
    public void From_Record_CamelCaseKeysNullsDroppedDictionaryKeysKept()
    {
        var values = HelmValues.From(new TrinoValues.SecretMount("kafka-ca", "kafka-cluster-ca", "/etc/trino/kafka-ca"));

        Assert.Equal(["name", "secretName", "path"], values.Keys);
        var withNull = HelmValues.From(new { keep = 1, drop = (string?)null, labels = new Dictionary<string, string> { ["app.kubernetes.io/Name"] = "x" } });
        Assert.False(withNull.ContainsKey("drop"));
        Assert.Equal("x", ((Dictionary<string, object>)withNull["labels"])["app.kubernetes.io/Name"]);
    }

    [Fact]
    public void From_Numbers_IntegersStayIntegersFractionsStayDoubles()
    {
        var values = HelmValues.From(new { whole = 3, big = 161061273600L, fraction = 0.5, flag = true, list = new[] { 1, 2 } });

        Assert.Equal(3, Assert.IsType<int>(values["whole"]));
        Assert.Equal(161061273600L, Assert.IsType<long>(values["big"]));
        Assert.Equal(0.5, Assert.IsType<double>(values["fraction"]));
        Assert.True(Assert.IsType<bool>(values["flag"]));
        Assert.Equal([1, 2], Assert.IsType<object[]>(values["list"]).Cast<int>());
    }

    [Theory]
    [InlineData(2, "1700m", "2000m")]
    [InlineData(4, "3400m", "4000m")]
    [InlineData(0.5, "425m", "500m")]
    public void Resources_Cpu_RequestIsEightyFivePercentOfLimitMemoryEqual(double cpu, string request, string limit)
    {
        var resources = Kube.Resources(new PodResourcesConfig { MemoryGib = 8, Cpu = cpu });

        Assert.Equal(request, resources.Requests.Cpu);
        Assert.Equal(limit, resources.Limits.Cpu);
        Assert.Equal("8Gi", resources.Requests.Memory);
        Assert.Equal(resources.Requests.Memory, resources.Limits.Memory);
    }
}
