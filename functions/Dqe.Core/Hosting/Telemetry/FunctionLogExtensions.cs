namespace Dqe.Core.Hosting.Telemetry;

public static class FunctionLogExtensions
{
    public static void Info(this IFunctionLog log, string message) => log.Write(LogLevel.Info, message);

    public static void Warn(this IFunctionLog log, string message) => log.Write(LogLevel.Warn, message);

    public static void Error(this IFunctionLog log, string message) => log.Write(LogLevel.Error, message);

    public static void Debug(this IFunctionLog log, string message) => log.Write(LogLevel.Debug, message);
}
