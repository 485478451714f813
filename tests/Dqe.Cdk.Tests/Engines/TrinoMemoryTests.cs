using Dqe.Cdk.Config;
using Dqe.Cdk.Engines;

namespace Dqe.Cdk.Tests.Engines;

public sealed class TrinoMemoryTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(16)]
    [InlineData(64)]
    public void For_Container_HeapBelowContainerAndQueryPlusHeadroomBelowHeap(int memoryGib)
    {
        var memory = TrinoMemory.For(new PodResourcesConfig { MemoryGib = memoryGib, Cpu = 2 });

        Assert.True(memory.HeapMib < memoryGib * 1024);
        Assert.True(memory.HeapMib >= memoryGib * 1024 * 3 / 4);
        Assert.True(memory.QueryPerNodeMib + memory.HeadroomMib < memory.HeapMib);
        Assert.True(memory.QueryPerNodeMib > 0);
    }

    [Fact]
    public void ClusterQueryMib_MinWorkers_PerNodeLimitTimesWorkers()
    {
        var memory = TrinoMemory.For(new PodResourcesConfig { MemoryGib = 4, Cpu = 2 });

        Assert.Equal(memory.QueryPerNodeMib * 5, TrinoMemory.ClusterQueryMib(memory, 5));
        Assert.Equal("3276M", memory.JvmHeap);
    }
}
