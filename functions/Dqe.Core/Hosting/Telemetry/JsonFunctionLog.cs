namespace Dqe.Core.Hosting.Telemetry;

/// <summary>
/// Structured JSON logs: <c>{"timestamp","level","message","handler","requestId","traceId"}</c>, one line each.
/// Lines below <see cref="MinimumLevel"/> are dropped.
/// </summary>
public sealed class JsonFunctionLog : IFunctionLog
{
    private readonly JsonLineWriter _writer;
    private readonly TimeProvider _time;
    private readonly LogScope _scope;

    public JsonFunctionLog(JsonLineWriter writer, TimeProvider time, LogScope scope, LogLevel minimumLevel = LogLevel.Info)
    {
        _writer = writer;
        _time = time;
        _scope = scope;
        MinimumLevel = minimumLevel;
    }

    public LogLevel MinimumLevel { get; }

    public JsonFunctionLog ForScope(LogScope scope) => new(_writer, _time, scope, MinimumLevel);

    public void Write(LogLevel level, string message)
    {
        if (level < MinimumLevel)
        {
            return;
        }

        var timestamp = _time.GetUtcNow();
        _writer.WriteLine(json =>
        {
            json.WriteString("timestamp", timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("level", LevelName(level));
            json.WriteString("message", message);
            json.WriteString("handler", _scope.Handler);
            json.WriteString("requestId", _scope.RequestId);
            json.WriteString("traceId", _scope.TraceId);
        });
    }

    internal static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Debug => "DEBUG",
        LogLevel.Info => "INFO",
        LogLevel.Warn => "WARN",
        _ => "ERROR",
    };
}
