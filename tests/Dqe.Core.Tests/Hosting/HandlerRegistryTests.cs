using Dqe.Core.Hosting;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Hosting;

public class HandlerRegistryTests
{
    [Fact]
    public void All_Names_UniqueAndDottedLowerCase()
    {
        var names = HandlerRegistry.All.Select(h => h.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, n => Assert.Matches("^dqe(\\.[a-z][a-z0-9-]*)+$", n));
    }

    [Fact]
    public void All_EveryHandler_BuildsWithoutTouchingItsDependenciesAndHasJsonShapes()
    {
        var services = HostFixtures.Services(TimeProvider.System);

        Assert.All(HandlerRegistry.All, registration =>
        {
            var handler = registration.Create(services);
            Assert.NotEmpty(registration.Description);
            Assert.StartsWith("{", HandlerShape.Describe(handler.RequestType), StringComparison.Ordinal);
            Assert.StartsWith("{", HandlerShape.Describe(handler.ResponseType), StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("dqe.ping", true)]
    [InlineData("DQE.PING", false)]
    [InlineData("dqe.pong", false)]
    [InlineData("", false)]
    public void Find_Name_MatchesExactly(string name, bool found)
    {
        Assert.Equal(found, HandlerRegistry.Find(name) is not null);
    }
}
