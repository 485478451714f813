namespace Dqe.Core.Benchmarks;

/// <summary>
/// Two-sided 95% critical values of Student's t. Tabulated up to 30 degrees of freedom, a Cornish–Fisher
/// expansion beyond (error below 1e-4 there), so no numerics library is needed in the AOT bootstrap.
/// </summary>
internal static class StudentT
{
    private static readonly double[] Table =
    [
        12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
        2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
        2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
    ];

    public static double TwoSided95(int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (degreesOfFreedom <= Table.Length)
        {
            return Table[degreesOfFreedom - 1];
        }

        const double z = 1.959964;
        double v = degreesOfFreedom, z3 = z * z * z, z5 = z3 * z * z;
        return z + ((z3 + z) / (4 * v)) + (((5 * z5) + (16 * z3) + (3 * z)) / (96 * v * v));
    }
}
