namespace Dqe.Core.Engines.Trino;

/// <summary>An <c>interval year to month</c> value, kept as a signed month count.</summary>
public readonly record struct TrinoYearMonthInterval(int TotalMonths)
{
    public override string ToString() =>
        $"{(TotalMonths < 0 ? "-" : "")}{Math.Abs(TotalMonths) / 12}-{Math.Abs(TotalMonths) % 12}";
}
