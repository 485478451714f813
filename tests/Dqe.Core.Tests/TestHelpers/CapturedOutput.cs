using System.Text.Json;
using Dqe.Core.Hosting.Telemetry;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>A <see cref="JsonLineWriter"/> into memory, with the lines parsed back for assertions.</summary>
public sealed class CapturedOutput
{
    private readonly StringWriter _text = new();

    public CapturedOutput()
    {
        Writer = new JsonLineWriter(_text);
    }

    public JsonLineWriter Writer { get; }

    public IReadOnlyList<JsonElement> Lines =>
        _text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    public IReadOnlyList<JsonElement> LogLines => Lines.Where(l => l.TryGetProperty("level", out _)).ToList();

    public IReadOnlyList<JsonElement> MetricLines => Lines.Where(l => l.TryGetProperty("_aws", out _)).ToList();
}
