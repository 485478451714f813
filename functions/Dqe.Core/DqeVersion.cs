using System.Reflection;
using System.Runtime.InteropServices;

namespace Dqe.Core;

/// <summary>The product version, taken from the assembly's informational version (set by the build).</summary>
public static class DqeVersion
{
    public static string Current { get; } =
        typeof(DqeVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    public static string Runtime => $"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.RuntimeIdentifier}";
}
