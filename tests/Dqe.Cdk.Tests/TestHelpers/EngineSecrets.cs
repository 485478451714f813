using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace Dqe.Cdk.Tests.TestHelpers;

/// <summary>Finds the engines stack's secrets and their key, and what another stack's <c>Fn::ImportValue</c> of them points at.</summary>
internal static class EngineSecrets
{
    /// <summary>Logical id of the engines stack's secret named <paramref name="name"/>.</summary>
    public static string IdOf(Template engines, string name) =>
        TemplateJson.Resources(engines, "AWS::SecretsManager::Secret").Single(r => (string?)r.Resource["Properties"]!["Name"] == name).Id;

    /// <summary>Logical id of the key aliased <c>alias/dqe-ENV-engine-secrets</c>.</summary>
    public static string KeyId(Template engines, string env) =>
        (string)TemplateJson.ResourceObjects(engines, "AWS::KMS::Alias").Select(a => a["Properties"]!)
            .Single(a => (string?)a["AliasName"] == $"alias/dqe-{env}-engine-secrets")["TargetKeyId"]!["Fn::GetAtt"]![0]!;

    /// <summary>
    /// The logical id of the <paramref name="exporter"/> resource that <paramref name="value"/> (an
    /// <c>Fn::ImportValue</c> in another stack) reads, with the attribute (Ref or the GetAtt name); null when
    /// <paramref name="value"/> is not an import of <paramref name="exporter"/>'s outputs.
    /// </summary>
    public static string? Imported(Template exporter, JsonNode? value)
    {
        var export = (string?)value?["Fn::ImportValue"];
        var output = TemplateJson.Of(exporter)["Outputs"]!.AsObject().Select(o => o.Value!)
            .SingleOrDefault(o => export is not null && (string?)o["Export"]?["Name"] == export)?["Value"];
        return output is null ? null
            : output["Ref"] is { } reference ? $"{reference}.Ref" : $"{output["Fn::GetAtt"]![0]}.{output["Fn::GetAtt"]![1]}";
    }
}
