using System.Text;
using Dqe.Core.Hosting;
using Dqe.Core.Tests.TestHelpers;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.Recovery;

/// <summary>Bad events to the backup and drill handlers fail naming the field, before any configuration or engine is touched.</summary>
public class DrillHandlerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("dqe.dr-drill", """{"action":"explode"}""", "'$.action'")]
    [InlineData("dqe.dr-drill", """{"action":"start","scenario":"meteor"}""", "'$.scenario'")]
    [InlineData("dqe.dr-drill", """{"action":"fault"}""", "'$.record'")]
    [InlineData("dqe.backup", """{"action":"drop-everything"}""", "'$.action'")]
    [InlineData("dqe.backup", """{"action":"plan","kind":"weekly"}""", "'$.kind'")]
    [InlineData("dqe.backup", """{"action":"save-catalog","backupId":"ch-full-20261122-020000","tables":[]}""", "'$.page'")]
    [InlineData("dqe.backup", """{"action":"save-catalog","page":1,"tables":[]}""", "'$.backupId'")]
    [InlineData("dqe.backup", """{"action":"save-catalog","backupId":"ch-full-20261122-020000","page":1}""", "'$.tables'")]
    [InlineData("dqe.backup", """{"action":"export-topics"}""", "'$.backupId'")]
    [InlineData("dqe.region-restore", """{"action":"restore-everything"}""", "'$.action'")]
    [InlineData("dqe.region-restore", """{"action":"find","runId":"x'; DROP DATABASE default --"}""", "'$.runId'")]
    [InlineData("dqe.region-restore", """{"action":"start"}""", "'$.state'")]
    [InlineData("dqe.region-restore", """{"action":"catalog-page","page":1}""", "'$.state'")]
    public async Task RunAsync_BadEvent_InvalidRequestNamingFieldWithoutEnvironment(string handler, string payload, string field)
    {
        var result = await HostFixtures.Runner(handler, _time, new CapturedOutput())
            .RunAsync(new InvocationRequest("req-1", _time.GetUtcNow().AddSeconds(30), Encoding.UTF8.GetBytes(payload)), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(ErrorTypes.InvalidRequest, result.Error!.ErrorType);
        Assert.Contains(field, result.Error.ErrorMessage, StringComparison.Ordinal);
    }
}
