using System.Globalization;
using System.Net;
using System.Text;

namespace Dqe.Core.Benchmarks.Reports;

/// <summary>Inline SVG charts (no scripts, no external assets) so report.html is one self-contained file.</summary>
internal static class SvgCharts
{
    private const int Width = 900;
    private const int Left = 90;
    private const int Right = 30;
    private static readonly string[] Palette = ["#3366cc", "#dc3912", "#ff9900", "#109618", "#990099"];

    /// <summary>One row per query: min–max whisker, interquartile box, median tick, every sample as a dot.</summary>
    public static string Distribution(string title, IReadOnlyList<(string Label, IReadOnlyList<double> Samples)> rows)
    {
        const int rowHeight = 22;
        var height = 50 + (rows.Count * rowHeight) + 30;
        var max = Math.Max(rows.SelectMany(r => r.Samples).DefaultIfEmpty(1).Max(), 1e-6) * 1.05;
        var svg = Open(title, height, "chart-distribution");
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, samples) = rows[i];
            var sorted = samples.Order().ToArray();
            var y = 45 + (i * rowHeight) + (rowHeight / 2);
            svg.Append(Text(Left - 8, y + 4, label, "end"));
            if (sorted.Length == 0)
            {
                continue;
            }

            double X(double v) => Left + (v / max * (Width - Left - Right));
            svg.Append(F($"<line class=\"whisker\" x1=\"{X(sorted[0]):0.#}\" x2=\"{X(sorted[^1]):0.#}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#888\"/>"));
            var q1 = Quantile(sorted, 0.25);
            var q3 = Quantile(sorted, 0.75);
            svg.Append(F($"<rect class=\"iqr\" x=\"{X(q1):0.#}\" y=\"{y - 6}\" width=\"{Math.Max(X(q3) - X(q1), 1):0.#}\" height=\"12\" fill=\"#c6d4f0\" stroke=\"#3366cc\"/>"));
            var median = LatencyStatistics.Median(sorted);
            svg.Append(F($"<line class=\"median\" x1=\"{X(median):0.#}\" x2=\"{X(median):0.#}\" y1=\"{y - 7}\" y2=\"{y + 7}\" stroke=\"#dc3912\" stroke-width=\"2\"><title>{Esc(label)} median {median:0.###} ms</title></line>"));
            foreach (var sample in sorted)
            {
                svg.Append(F($"<circle cx=\"{X(sample):0.#}\" cy=\"{y}\" r=\"2\" fill=\"#333\" fill-opacity=\"0.5\"/>"));
            }
        }

        Axis(svg, height - 25, max, "ms");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Vertical bars per category, one bar per series (baseline vs candidate, engine vs engine).</summary>
    public static string GroupedBars(string title, IReadOnlyList<string> categories, IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> series, string unit)
    {
        const int height = 320, top = 50, bottom = 260;
        var max = Math.Max(series.SelectMany(s => s.Values).Where(v => v.HasValue).Select(v => v!.Value).DefaultIfEmpty(1).Max(), 1e-6) * 1.1;
        var svg = Open(title, height, "chart-bars");
        var slot = (double)(Width - Left - Right) / Math.Max(categories.Count, 1);
        var bar = Math.Max(slot * 0.8 / Math.Max(series.Count, 1), 1);
        for (var c = 0; c < categories.Count; c++)
        {
            var x0 = Left + (c * slot) + (slot * 0.1);
            for (var s = 0; s < series.Count; s++)
            {
                if (series[s].Values[c] is not { } value)
                {
                    continue;
                }

                var h = value / max * (bottom - top);
                svg.Append(F($"<rect class=\"bar\" x=\"{x0 + (s * bar):0.#}\" y=\"{bottom - h:0.#}\" width=\"{bar:0.#}\" height=\"{h:0.#}\" fill=\"{Palette[s % Palette.Length]}\"><title>{Esc(categories[c])} {Esc(series[s].Name)}: {value:0.###} {unit}</title></rect>"));
            }

            svg.Append(Text(x0 + (slot * 0.4), bottom + 14, categories[c], "middle", 10));
        }

        // Each legend entry starts after the previous label's estimated width: fixed slots let a long name
        // (a baseline run id) run into the next entry, which the first screenshot of a report showed.
        var legendX = (double)Left;
        for (var s = 0; s < series.Count; s++)
        {
            svg.Append(F($"<rect x=\"{legendX:0.#}\" y=\"{height - 28}\" width=\"12\" height=\"12\" fill=\"{Palette[s % Palette.Length]}\"/>"));
            svg.Append(Text(legendX + 16, height - 18, series[s].Name, "start"));
            legendX += 16 + TextWidth(series[s].Name, 12) + 24;
        }

        svg.Append(F($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{bottom}\" y2=\"{bottom}\" stroke=\"#444\"/>"));
        svg.Append(Text(Left - 8, top + 4, F($"{max / 1.1:0.#} {unit}"), "end"));
        return svg.Append("</svg>").ToString();
    }

    /// <summary>A line over runs in time order (suite geomean trend).</summary>
    public static string Line(string title, IReadOnlyList<(string Label, double Value)> points, string unit)
    {
        const int height = 260, top = 50, bottom = 210;
        var max = Math.Max(points.Select(p => p.Value).DefaultIfEmpty(1).Max(), 1e-6) * 1.1;
        var svg = Open(title, height, "chart-trend");
        var step = points.Count > 1 ? (double)(Width - Left - Right) / (points.Count - 1) : 0;
        var coordinates = points.Select((p, i) => (X: Left + (i * step), Y: bottom - (p.Value / max * (bottom - top)))).ToList();
        svg.Append(F($"<polyline fill=\"none\" stroke=\"#3366cc\" stroke-width=\"2\" points=\"{string.Join(' ', coordinates.Select(c => F($"{c.X:0.#},{c.Y:0.#}")))}\"/>"));
        for (var i = 0; i < points.Count; i++)
        {
            svg.Append(F($"<circle class=\"point\" cx=\"{coordinates[i].X:0.#}\" cy=\"{coordinates[i].Y:0.#}\" r=\"4\" fill=\"#3366cc\"><title>{Esc(points[i].Label)}: {points[i].Value:0.###} {unit}</title></circle>"));
            // The outermost labels anchor inwards so neither is clipped at the chart's edges.
            var anchor = points.Count == 1 ? "middle" : i == 0 ? "start" : i == points.Count - 1 ? "end" : "middle";
            svg.Append(Text(coordinates[i].X, bottom + 16, points[i].Label.Length > 15 ? points[i].Label[..15] : points[i].Label, anchor, 10));
        }

        svg.Append(F($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{bottom}\" y2=\"{bottom}\" stroke=\"#444\"/>"));
        svg.Append(Text(Left - 8, top + 4, F($"{max / 1.1:0.#} {unit}"), "end"));
        svg.Append(Text(Left - 8, bottom + 4, F($"0 {unit}"), "end"));
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string title, int height, string cssClass) => new StringBuilder()
        .Append(F($"<svg class=\"{cssClass}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" role=\"img\">"))
        .Append(F($"<title>{Esc(title)}</title>"))
        .Append(Text(Width / 2, 22, title, "middle", 15));

    private static void Axis(StringBuilder svg, int y, double max, string unit)
    {
        svg.Append(F($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#444\"/>"));
        for (var i = 0; i <= 4; i++)
        {
            var x = Left + (i * (Width - Left - Right) / 4.0);
            svg.Append(Text(x, y + 15, F($"{max * i / 4:0.#} {unit}"), "middle", 10));
        }
    }

    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }

    private static string Text(double x, double y, string text, string anchor, int size = 12) =>
        F($"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" font-size=\"{size}\" font-family=\"sans-serif\">{Esc(text)}</text>");

    /// <summary>Sans-serif glyphs average about 0.6 em; an estimate is enough to keep labels apart.</summary>
    internal static double TextWidth(string text, int size) => text.Length * size * 0.6;

    private static string Esc(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
