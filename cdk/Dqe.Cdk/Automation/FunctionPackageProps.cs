namespace Dqe.Cdk.Automation;

/// <param name="ProjectPath">The bootstrap project, relative to the repository root.</param>
/// <param name="RuntimeIdentifier">Target of the Native AOT publish; x86_64 Lambda means linux-x64.</param>
public sealed record FunctionPackageProps(string ProjectPath = "functions/Dqe.Lambda/Dqe.Lambda.csproj", string RuntimeIdentifier = "linux-x64");
