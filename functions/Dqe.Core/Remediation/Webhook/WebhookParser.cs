using System.Text.Json;

namespace Dqe.Core.Remediation.Webhook;

/// <summary>
/// Strict reader of Alertmanager webhook bodies: size cap, JSON shape, <c>version == "4"</c> and every field the
/// decisions need. Anything else is a <see cref="WebhookRejectedException"/> naming the field; nothing is decided.
/// </summary>
public sealed class WebhookParser
{
    private const string SupportedVersion = "4";
    private readonly RemediationOptions _options;

    public WebhookParser(RemediationOptions options)
    {
        _options = options;
    }

    public IReadOnlyList<ValidAlert> Parse(ReadOnlySpan<byte> body)
    {
        if (body.Length > _options.MaxPayloadBytes)
        {
            throw new WebhookRejectedException(413, "$", $"payload is {body.Length} bytes; the limit is {_options.MaxPayloadBytes}");
        }

        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new WebhookRejectedException(400, "$", "the body is empty; send Alertmanager's webhook JSON (version 4)");
        }

        AlertmanagerMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(body, RemediationJsonContext.Default.AlertmanagerMessage);
        }
        catch (JsonException e)
        {
            throw new WebhookRejectedException(400, e.Path ?? "$", "malformed JSON or wrong type");
        }

        if (message is null)
        {
            throw new WebhookRejectedException(400, "$", "the body is null; send a JSON object");
        }

        if (!string.Equals(message.Version, SupportedVersion, StringComparison.Ordinal))
        {
            throw new WebhookRejectedException(400, "$.version", $"must be \"4\", got {Quote(message.Version)}");
        }

        RequireStatus(message.Status, "$.status");
        if (message.Alerts is null || message.Alerts.Count == 0)
        {
            throw new WebhookRejectedException(400, "$.alerts", "required, with at least one alert");
        }

        if (message.Alerts.Count > _options.MaxAlertsPerPayload)
        {
            throw new WebhookRejectedException(400, "$.alerts", $"{message.Alerts.Count} alerts; the limit is {_options.MaxAlertsPerPayload}");
        }

        var alerts = new List<ValidAlert>(message.Alerts.Count);
        for (var i = 0; i < message.Alerts.Count; i++)
        {
            alerts.Add(Validate(message.Alerts[i], $"$.alerts[{i}]"));
        }

        return alerts;
    }

    private static ValidAlert Validate(AlertmanagerAlert? alert, string path)
    {
        if (alert is null)
        {
            throw new WebhookRejectedException(400, path, "must be an object");
        }

        var firing = RequireStatus(alert.Status, path + ".status");
        if (alert.Labels is null)
        {
            throw new WebhookRejectedException(400, path + ".labels", "required");
        }

        RequireStrings(alert.Labels, path + ".labels");
        RequireStrings(alert.Annotations, path + ".annotations");
        if (!alert.Labels.TryGetValue("alertname", out var name) || string.IsNullOrWhiteSpace(name))
        {
            throw new WebhookRejectedException(400, path + ".labels.alertname", "required");
        }

        if (string.IsNullOrEmpty(alert.Fingerprint) || alert.Fingerprint.Length > 64 || !alert.Fingerprint.All(char.IsAsciiHexDigit))
        {
            throw new WebhookRejectedException(400, path + ".fingerprint", $"must be 1-64 hex digits, got {Quote(alert.Fingerprint)}");
        }

        if (alert.StartsAt is null)
        {
            throw new WebhookRejectedException(400, path + ".startsAt", "required (RFC 3339)");
        }

        return new ValidAlert(
            alert.Fingerprint.ToLowerInvariant(),
            firing,
            name,
            alert.Labels,
            alert.Annotations ?? new Dictionary<string, string>(),
            alert.StartsAt.Value,
            alert.GeneratorUrl ?? "");
    }

    // JSON null deserializes into a null map value despite the non-nullable type; refuse it here, by name.
    private static void RequireStrings(Dictionary<string, string>? map, string path)
    {
        foreach (var (key, value) in map ?? [])
        {
            if (value is null)
            {
                throw new WebhookRejectedException(400, $"{path}.{key}", "must be a string, got null");
            }
        }
    }

    private static bool RequireStatus(string? status, string field) => status switch
    {
        "firing" => true,
        "resolved" => false,
        _ => throw new WebhookRejectedException(400, field, $"must be \"firing\" or \"resolved\", got {Quote(status)}"),
    };

    private static string Quote(string? value) => value is null ? "nothing" : $"\"{(value.Length > 40 ? value[..40] + "…" : value)}\"";
}
