namespace Dqe.Cdk.Automation;

/// <summary>Builds the AOT bootstrap of a project into a directory (real: <c>dotnet publish</c>).</summary>
public interface IBootstrapPublisher
{
    void Publish(string projectFile, string outputDirectory);
}
