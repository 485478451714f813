using System.Text.Json;

namespace Dqe.Core.Chaos.Campaigns;

/// <summary>
/// Reads a campaign (YAML or JSON text) and validates it. Throws <see cref="CampaignException"/> naming
/// every bad field; nothing is ever created from a campaign that did not pass here.
/// </summary>
public static class CampaignLoader
{
    public static ChaosCampaign Load(string text)
    {
        var campaign = Parse(text);
        var errors = CampaignValidator.Validate(campaign);
        return errors.Count == 0 ? campaign : throw new CampaignException(errors);
    }

    public static ChaosCampaign LoadFile(string path) => Load(File.ReadAllText(path));

    /// <summary>Structure only (types, unknown or missing fields); <see cref="CampaignValidator"/> does the rest.</summary>
    internal static ChaosCampaign Parse(string text)
    {
        // JSON is a subset of YAML 1.2, so one path serves both.
        var tree = YamlToJson.Convert(text)
            ?? throw new CampaignException([new CampaignError("$", "the file is empty")]);
        try
        {
            return tree.Deserialize(ChaosCampaignJsonContext.Default.ChaosCampaign)
                ?? throw new CampaignException([new CampaignError("$", "the campaign is null")]);
        }
        catch (JsonException e)
        {
            throw new CampaignException([new CampaignError(e.Path ?? "$", FirstSentence(e.Message))]);
        }
    }

    public static string ToJson(ChaosCampaign campaign) =>
        JsonSerializer.Serialize(campaign, ChaosCampaignJsonContext.Default.ChaosCampaign);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
