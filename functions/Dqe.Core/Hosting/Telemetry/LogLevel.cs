namespace Dqe.Core.Hosting.Telemetry;

/// <summary>Levels written as the <c>level</c> field, named like Lambda's own JSON log format.</summary>
public enum LogLevel
{
    Debug,
    Info,
    Warn,
    Error,
}
