using System.Text.Json.Nodes;
using Dqe.Cdk.Observability;

namespace Dqe.Cdk.Tests.Observability;

public sealed class KubeTests
{
    [Fact]
    public void ToJsii_Json_KeepsTypesAndNesting()
    {
        var json = JsonNode.Parse("""{"replicas":2,"ratio":0.85,"on":true,"name":"x","list":[1,"a",{"k":false}],"empty":{}}""");

        var value = Assert.IsType<Dictionary<string, object>>(Kube.ToJsii(json));

        Assert.Equal(2, Assert.IsType<int>(value["replicas"]));
        Assert.Equal(0.85, Assert.IsType<double>(value["ratio"]));
        Assert.True(Assert.IsType<bool>(value["on"]));
        Assert.Equal("x", value["name"]);
        var list = Assert.IsType<object?[]>(value["list"]);
        Assert.Equal(1, list[0]);
        Assert.Equal("a", list[1]);
        Assert.False((bool)Assert.IsType<Dictionary<string, object>>(list[2])["k"]);
        Assert.Empty(Assert.IsType<Dictionary<string, object>>(value["empty"]));
    }
}
