using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dqe.Core.Chaos.Campaigns;
using Json.Schema;

namespace Dqe.Core.Tests.Chaos;

/// <summary>chaos/campaign.schema.json: the shipped examples pass it, hostile ones fail it, and it names exactly the C# model's fields.</summary>
public sealed class CampaignSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(AppContext.BaseDirectory, "assets", "chaos", "campaign.schema.json");
    private static readonly JsonSchema Schema = JsonSchema.FromFile(SchemaPath);
    private static readonly JsonObject SchemaJson = JsonNode.Parse(File.ReadAllText(SchemaPath))!.AsObject();

    public static TheoryData<string> Examples() => CampaignLoaderTests.Examples();

    public static TheoryData<Type, string> Records() => new()
    {
        { typeof(ChaosCampaign), "" },
        { typeof(TargetSpec), "target" },
        { typeof(BlastRadiusSpec), "blastRadius" },
        { typeof(SteadyStateSpec), "steadyState" },
        { typeof(ProbeSpec), "probe" },
        { typeof(FaultSpec), "fault" },
        { typeof(PeerSpec), "peer" },
        { typeof(AbortSpec), "abort" },
        { typeof(AbortCondition), "abortCondition" },
        { typeof(ReportSpec), "report" },
        { typeof(BenchmarkQuery), "benchmarkQuery" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Evaluate_ShippedExample_Valid(string file)
    {
        var json = YamlToJson.Convert(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "campaigns", file)))!;

        var result = Schema.Evaluate(JsonDocument.Parse(json.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("; ", result.Details?.Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? []));
    }

    [Theory]
    [InlineData("kube-system-everything.yaml")]
    [InlineData("unknown-fault.yaml")]
    public void Evaluate_HostileFile_Invalid(string file)
    {
        var json = YamlToJson.Convert(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "assets", "chaos", file)))!;

        Assert.False(Schema.Evaluate(JsonDocument.Parse(json.ToJsonString()).RootElement).IsValid);
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void Schema_ModelRecord_SameFieldsAndRequiredOnes(Type record, string definition)
    {
        var node = definition.Length == 0 ? SchemaJson : SchemaJson["$defs"]![definition]!.AsObject();
        var parameters = record.GetConstructors().Single(c => c.GetParameters().Length > 0).GetParameters();
        var nullability = new NullabilityInfoContext();

        Assert.Equal(parameters.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!)).Order(), node["properties"]!.AsObject().Select(p => p.Key).Order());
        var required = parameters.Where(p => !p.HasDefaultValue && nullability.Create(p).WriteState != NullabilityState.Nullable).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!));
        Assert.Equal(required.Order(), (node["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? []).Order());
        Assert.False(node["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public void Schema_TypeEnums_MatchTheModelsKnownTypes()
    {
        Assert.Equal(ProbeTypes.All.Order(), SchemaJson["$defs"]!["probe"]!["properties"]!["type"]!["enum"]!.AsArray().Select(t => t!.GetValue<string>()).Order());
        Assert.Equal(FaultTypes.All.Order(), SchemaJson["$defs"]!["fault"]!["properties"]!["type"]!["enum"]!.AsArray().Select(t => t!.GetValue<string>()).Order());
    }
}
