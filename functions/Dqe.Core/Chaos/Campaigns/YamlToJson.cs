using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Dqe.Core.Chaos.Campaigns;

/// <summary>
/// Turns one YAML document into a JSON tree with YamlDotNet's representation model (no reflection, so
/// Native AOT is safe); the tree is then read with source-generated System.Text.Json. Unquoted scalars
/// become numbers, booleans or null by YAML 1.2 core rules; quoted ones stay strings.
/// </summary>
internal static class YamlToJson
{
    public static JsonNode? Convert(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new CampaignException([new CampaignError("$", $"not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}")]);
        }

        return stream.Documents.Count switch
        {
            0 => null,
            1 => ToJson(stream.Documents[0].RootNode, "$"),
            _ => throw new CampaignException([new CampaignError("$", "a campaign file holds exactly one YAML document")]),
        };
    }

    private static JsonNode? ToJson(YamlNode node, string path) => node switch
    {
        YamlMappingNode map => ToObject(map, path),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select((c, i) => ToJson(c, $"{path}[{i}]"))]),
        YamlScalarNode scalar => ToValue(scalar),
        _ => throw new CampaignException([new CampaignError(path, "aliases and tags are not supported in campaign files")]),
    };

    private static JsonObject ToObject(YamlMappingNode map, string path)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value
                ?? throw new CampaignException([new CampaignError(path, "mapping keys must be plain strings")]);
            if (result.ContainsKey(name))
            {
                throw new CampaignException([new CampaignError($"{path}.{name}", "the key appears twice")]);
            }

            result[name] = ToJson(value, $"{path}.{name}");
        }

        return result;
    }

    private static JsonValue? ToValue(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
            _ when IsDecimal(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => JsonValue.Create(real),
            _ => JsonValue.Create(text),
        };
    }

    // "1e3" and "-.5" are numbers, "5m" or "1.2.3" are not: only digits, one point, sign and exponent.
    private static bool IsDecimal(string text) =>
        text.Any(char.IsAsciiDigit) && text.All(c => char.IsAsciiDigit(c) || c is '.' or '-' or '+' or 'e' or 'E');
}
