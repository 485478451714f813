using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Telemetry;

namespace Dqe.Core.Backup;

/// <summary>
/// <c>dqe.backup</c>: one step of the backup workflow per call (never waits: the workflow polls from a Wait
/// loop). The service is built on first use so the host can list handlers without their configuration.
/// </summary>
internal sealed class BackupHandler : FunctionHandler<BackupStepRequest, BackupStepResponse>
{
    public const string Name = "dqe.backup";
    private static readonly string[] Actions = ["plan", "start", "poll", "complete", "verify-start", "verify-finish", "mark-failed", "retention", "list", "save-catalog", "export-topics"];
    private readonly Lazy<BackupService> _service;

    public BackupHandler(Func<BackupService> service)
        : base(BackupJsonContext.Default.BackupStepRequest, BackupJsonContext.Default.BackupStepResponse)
    {
        _service = new Lazy<BackupService>(service);
    }

    protected override async Task<BackupStepResponse> HandleAsync(BackupStepRequest request, InvocationContext context, CancellationToken cancellationToken)
    {
        var action = request.Action;
        // Checked before the service is built so a bad event never reaches configuration or the engine.
        var kind = action == "plan" ? ParseKind(request.Kind) : null;
        if (action is "save-catalog" or "export-topics")
        {
            Require(request.BackupId, "$.backupId");
        }

        if (action == "save-catalog")
        {
            _ = request.Page ?? throw new InvalidRequestException("$.page", "is required for this action");
            Require(request.Tables, "$.tables");
        }

        var service = Actions.Contains(action) ? _service.Value : throw new InvalidRequestException("$.action", $"must be one of {string.Join(", ", Actions)}, got '{action}'");
        switch (action)
        {
            case "plan":
                return new(action, Plan: await service.PlanAsync(kind, cancellationToken).ConfigureAwait(false));
            case "start":
                return new(action, Progress: await service.StartAsync(Require(request.Plan, "$.plan"), cancellationToken).ConfigureAwait(false));
            case "poll":
                return new(action, Progress: await service.PollAsync(Require(request.Progress, "$.progress").OperationId, cancellationToken).ConfigureAwait(false));
            case "complete":
                var created = await service.CompleteAsync(Require(request.Progress, "$.progress"), cancellationToken).ConfigureAwait(false);
                context.Metrics.Add("BackupSeconds", created.DurationSeconds, MetricUnit.Seconds);
                context.Metrics.Add("BackupBytes", created.TotalBytes, MetricUnit.Bytes);
                return new(action, Manifest: created);
            case "verify-start":
                return new(action, Progress: await service.StartVerifyAsync(Require(request.BackupId, "$.backupId"), cancellationToken).ConfigureAwait(false));
            case "verify-finish":
                var verified = await service.FinishVerifyAsync(Require(request.BackupId, "$.backupId"), Require(request.Progress, "$.progress"), cancellationToken).ConfigureAwait(false);
                context.Metrics.Add("BackupVerificationFailed", verified.Usable ? 0 : 1, MetricUnit.Count);
                return new(action, Manifest: verified);
            case "mark-failed":
                context.Log.Error($"backup {request.BackupId} unusable: {request.Error}");
                context.Metrics.Add("BackupUnusable", 1, MetricUnit.Count);
                return new(action, Manifest: await service.MarkFailedAsync(Require(request.BackupId, "$.backupId"), request.Error ?? "unknown error", cancellationToken).ConfigureAwait(false));
            case "save-catalog":
                var page = await service.Extras.SaveCatalogPageAsync(request.BackupId!, request.Page!.Value, request.Tables!, cancellationToken).ConfigureAwait(false);
                return new(action, Saved: page, Count: request.Tables!.Count);
            case "export-topics":
                var (file, count) = await service.Extras.ExportTopicsAsync(request.BackupId!, cancellationToken).ConfigureAwait(false);
                context.Metrics.Add("BackupKafkaTopics", count, MetricUnit.Count);
                return new(action, Saved: file, Count: count);
            case "retention":
                return new(action, Deleted: await service.ApplyRetentionAsync(cancellationToken).ConfigureAwait(false));
            default:
                return new(action, Backups: await service.ListAsync(cancellationToken).ConfigureAwait(false));
        }
    }

    internal static BackupKind? ParseKind(string? kind) => kind switch
    {
        null or "auto" => null,
        "full" => BackupKind.Full,
        "incremental" => BackupKind.Incremental,
        _ => throw new InvalidRequestException("$.kind", $"must be auto, full or incremental, got '{kind}'"),
    };

    private static T Require<T>(T? value, string field)
        where T : class => value ?? throw new InvalidRequestException(field, "is required for this action");
}
