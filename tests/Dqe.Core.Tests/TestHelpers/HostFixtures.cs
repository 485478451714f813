using Dqe.Core.Hosting;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>Builds the host pieces tests share.</summary>
public static class HostFixtures
{
    public static HostServices Services(TimeProvider time, FakeEnvironment? environment = null) =>
        new(time, environment ?? new FakeEnvironment(("AWS_LAMBDA_FUNCTION_NAME", "dqe-test")), new UnusedKubernetesFactory(), new UnusedSecretStore());

    public static InvocationRunner Runner(string handler, TimeProvider time, CapturedOutput output, HostingOptions? options = null) =>
        new(HandlerRegistry.Find(handler)!, Services(time), output.Writer, options ?? new HostingOptions());
}
