namespace Dqe.Lambda.Runtime;

/// <summary>The function cannot start: reported to <c>/runtime/init/error</c> with <see cref="ErrorType"/>.</summary>
internal sealed class RuntimeConfigException : Exception
{
    public RuntimeConfigException()
        : this(Core.Hosting.ErrorTypes.InvalidConfig, "invalid function configuration")
    {
    }

    public RuntimeConfigException(string message)
        : this(Core.Hosting.ErrorTypes.InvalidConfig, message)
    {
    }

    public RuntimeConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorType = Core.Hosting.ErrorTypes.InvalidConfig;
    }

    public RuntimeConfigException(string errorType, string message)
        : base(message)
    {
        ErrorType = errorType;
    }

    public string ErrorType { get; }
}
