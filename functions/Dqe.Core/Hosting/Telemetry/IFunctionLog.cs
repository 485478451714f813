namespace Dqe.Core.Hosting.Telemetry;

/// <summary>Structured log for one invocation; request id, trace id and handler are added by the sink.</summary>
public interface IFunctionLog
{
    void Write(LogLevel level, string message);
}
