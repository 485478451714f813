namespace Dqe.Core.Benchmarks.LakeData;

/// <summary>
/// Where the TPC-H tables live in the lake: <c>curated/tpch/&lt;scale&gt;/&lt;table&gt;/</c>, one directory of Parquet
/// files per table. The Trino writer creates the files there (names Trino generates, no extension) and the ClickHouse
/// loader reads every file of the directory, so both sides take the path from here.
/// </summary>
internal static class TpchLakeLayout
{
    public const string Root = "curated/tpch/";

    /// <summary>The key prefix of one table, e.g. <c>curated/tpch/sf1/lineitem/</c>.</summary>
    public static string TableDirectory(string scale, string table) => $"{Root}{scale}/{table}/";

    /// <summary>The Hive external location Trino writes to.</summary>
    public static string S3Location(string bucket, string scale, string table) => $"s3://{bucket}/{TableDirectory(scale, table)}";

    /// <summary>The ClickHouse <c>s3()</c> URL: a glob over every object of the table directory (Trino's file names carry no <c>.parquet</c>).</summary>
    public static string ObjectsUrl(string bucket, string region, string scale, string table) =>
        $"https://{bucket}.s3.{region}.amazonaws.com/{TableDirectory(scale, table)}*";
}
