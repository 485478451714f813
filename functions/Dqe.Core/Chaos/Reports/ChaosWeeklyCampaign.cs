namespace Dqe.Core.Chaos.Reports;

/// <summary>One campaign's week: runs, how many failed/aborted/did not recover, mean and worst score of the scored runs.</summary>
public sealed record ChaosWeeklyCampaign(string Campaign, int Runs, int Failed, int Aborted, int NotRecovered, int Leftovers, double? MeanScore, int? WorstScore);
