using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace Dqe.Cdk.Tests.TestHelpers;

/// <summary>
/// The Helm releases and Kubernetes objects of a synthesized engines stack, parsed from the custom resources'
/// properties. Deploy-time tokens inside them (bucket names, role ARNs) read as <see cref="Token"/>.
/// </summary>
internal sealed class EngineResources
{
    public const string Token = "<token>";

    public EngineResources(Template template)
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(template.ToJSON()))!["Resources"]!.AsObject();
        Resources = json;
        Charts = [.. json.Select(r => r.Value!).Where(r => (string?)r["Type"] == "Custom::AWSCDK-EKS-HelmChart").Select(r => r["Properties"]!.AsObject())];
        Objects = [.. json.Select(r => r.Value!)
            .Where(r => (string?)r["Type"] == "Custom::AWSCDK-EKS-KubernetesResource")
            .SelectMany(r => JsonNode.Parse(Flatten(r["Properties"]!["Manifest"]!))!.AsArray().Select(d => d!.AsObject()))];
    }

    public JsonObject Resources { get; }

    /// <summary>Properties of every Helm release (Chart, Version, Namespace, Values ...).</summary>
    public IReadOnlyList<JsonObject> Charts { get; }

    /// <summary>Every Kubernetes object applied by a manifest.</summary>
    public IReadOnlyList<JsonObject> Objects { get; }

    public JsonObject Chart(string chart) =>
        Charts.SingleOrDefault(c => (string?)c["Chart"] == chart) ?? throw new InvalidOperationException($"no Helm release of chart '{chart}'");

    public JsonObject Values(string chart) => JsonNode.Parse(Flatten(Chart(chart)["Values"]!))!.AsObject();

    public JsonObject Object(string kind, string name, string? ns = null) =>
        Objects.SingleOrDefault(o => (string?)o["kind"] == kind && (string?)o["metadata"]!["name"] == name && (ns is null || (string?)o["metadata"]!["namespace"] == ns))
        ?? throw new InvalidOperationException($"no {kind} '{name}'{(ns is null ? "" : $" in {ns}")}");

    /// <summary>Logical id of the manifest resource that applies the object of <paramref name="kind"/> named <paramref name="name"/>.</summary>
    public string ManifestOf(string kind, string name) => Resources.Single(r =>
        (string?)r.Value!["Type"] == "Custom::AWSCDK-EKS-KubernetesResource"
        && JsonNode.Parse(Flatten(r.Value!["Properties"]!["Manifest"]!))!.AsArray().Any(d => (string?)d!["kind"] == kind && (string?)d!["metadata"]!["name"] == name)).Key;

    /// <summary>Logical id of the Helm release of <paramref name="chart"/>.</summary>
    public string ChartId(string chart) => Resources.Single(r =>
        (string?)r.Value!["Type"] == "Custom::AWSCDK-EKS-HelmChart" && (string?)r.Value!["Properties"]!["Chart"] == chart).Key;

    /// <summary>Logical ids <paramref name="logicalId"/> depends on directly.</summary>
    public IReadOnlyList<string> DependsOn(string logicalId) =>
        Resources[logicalId]!["DependsOn"] is JsonArray deps ? [.. deps.Select(d => (string)d!)] : [];

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => (string?)o["kind"] == kind);

    /// <summary>A string property, or an Fn::Join of strings and tokens, as one string.</summary>
    public static string Flatten(JsonNode value) => value switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonObject o when o["Fn::Join"] is JsonArray join => string.Join(
            (string?)join[0] ?? "",
            join[1]!.AsArray().Select(part => part is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : Token)),
        _ => throw new InvalidOperationException($"unexpected property shape: {value.ToJsonString()}"),
    };
}
