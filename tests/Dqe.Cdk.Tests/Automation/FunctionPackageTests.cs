using Dqe.Cdk.Automation;

namespace Dqe.Cdk.Tests.Automation;

public sealed class FunctionPackageTests
{
    [Fact]
    public void SourceHash_SourceChanges_ChangesHashButBuildOutputDoesNot()
    {
        var root = Directory.CreateTempSubdirectory("dqe-hash-");
        try
        {
            var functions = Directory.CreateDirectory(Path.Combine(root.FullName, "functions"));
            File.WriteAllText(Path.Combine(root.FullName, "global.json"), "{}");
            var source = Path.Combine(functions.FullName, "Handler.cs");
            File.WriteAllText(source, "class A {}");
            var first = FunctionPackage.SourceHash(root.FullName, functions.FullName);

            Directory.CreateDirectory(Path.Combine(functions.FullName, "bin"));
            File.WriteAllText(Path.Combine(functions.FullName, "bin", "Out.cs"), "generated");
            Assert.Equal(first, FunctionPackage.SourceHash(root.FullName, functions.FullName));

            File.WriteAllText(source, "class B {}");
            Assert.NotEqual(first, FunctionPackage.SourceHash(root.FullName, functions.FullName));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
