using System.Text.Json.Nodes;
using Dqe.Cdk.Platform;

namespace Dqe.Cdk.Tests.Platform;

public sealed class JsiiValuesTests
{
    [Fact]
    public void From_ParsedJson_KeepsTypesAndNesting()
    {
        var json = JsonNode.Parse("""{"replicas":2,"ratio":0.85,"on":true,"name":"x","list":[1,"a",{"k":false}],"empty":{},"big":161061273600}""")!;

        var value = Assert.IsType<Dictionary<string, object>>(JsiiValues.From(json));

        Assert.Equal(2, Assert.IsType<int>(value["replicas"]));
        Assert.Equal(0.85, Assert.IsType<double>(value["ratio"]));
        Assert.True(Assert.IsType<bool>(value["on"]));
        Assert.Equal("x", value["name"]);
        Assert.Equal(161061273600L, Assert.IsType<long>(value["big"]));
        var list = Assert.IsType<object[]>(value["list"]);
        Assert.Equal(1, list[0]);
        Assert.Equal("a", list[1]);
        Assert.False((bool)Assert.IsType<Dictionary<string, object>>(list[2])["k"]);
        Assert.Empty(Assert.IsType<Dictionary<string, object>>(value["empty"]));
    }

    [Fact]
    public void From_NodesBuiltInCode_NumbersKeepTheirKind()
    {
        var json = new JsonObject { ["port"] = 9090, ["big"] = 161061273600L, ["ratio"] = 0.85, ["half"] = 0.5m };

        var value = JsiiValues.From(json);

        Assert.Equal(9090, Assert.IsType<int>(value["port"]));
        Assert.Equal(161061273600L, Assert.IsType<long>(value["big"]));
        Assert.Equal(0.85, Assert.IsType<double>(value["ratio"]));
        Assert.Equal(0.5, Assert.IsType<double>(value["half"]));
    }

    [Fact]
    public void From_Nulls_DroppedFromObjectsAndArrays()
    {
        var json = JsonNode.Parse("""{"keep":"a","drop":null,"list":[null,1,null]}""")!.AsObject();

        var value = JsiiValues.From(json);

        Assert.Equal(["keep", "list"], value.Keys);
        Assert.Equal([1], Assert.IsType<object[]>(value["list"]).Cast<int>());
    }

    [Fact]
    public void From_KeysWithDotsAndCase_KeptExactly()
    {
        var value = JsiiValues.From(new JsonObject { ["app.kubernetes.io/Name"] = "x", ["eks.amazonaws.com/role-arn"] = "arn" });

        Assert.Equal(["app.kubernetes.io/Name", "eks.amazonaws.com/role-arn"], value.Keys);
    }
}
