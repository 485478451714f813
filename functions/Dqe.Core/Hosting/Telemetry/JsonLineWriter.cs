using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dqe.Core.Hosting.Telemetry;

/// <summary>
/// Writes one JSON object per line to a shared writer (stdout in Lambda, where CloudWatch Logs takes
/// each line as one event). Serialised with a lock so concurrent writers never interleave lines.
/// </summary>
public sealed class JsonLineWriter
{
    // Relaxed escaping keeps quotes and apostrophes readable in CloudWatch; these lines are never embedded in HTML.
    private static readonly JsonWriterOptions Options = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly TextWriter _output;
    private readonly Lock _gate = new();

    public JsonLineWriter(TextWriter output)
    {
        _output = output;
    }

    public void WriteLine(Action<Utf8JsonWriter> writeObject)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            writeObject(json);
            json.WriteEndObject();
        }

        var line = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        lock (_gate)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }
}
