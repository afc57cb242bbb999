using MathNet.Numerics.LinearAlgebra;

namespace Analytics.Reports.Forecasting;

/// <summary>
/// Singular spectrum analysis, the method behind ML.NET's SSA forecaster: the series is embedded in a trajectory
/// matrix of lagged windows, decomposed by SVD, rebuilt from its leading components (trend and periodic parts,
/// leaving noise out), and continued with the linear recurrence those components satisfy. The kept components (at
/// most four) are those whose singular values stand above twice the median, the noise floor. Intervals come from
/// the rebuilt series' residuals, widening with the square root of the horizon.
/// </summary>
public sealed class SingularSpectrumModel : IForecastModel
{
    private const int MaxRank = 4;

    /// <inheritdoc />
    public string Name => "Singular spectrum analysis";

    /// <inheritdoc />
    public IReadOnlyList<ForecastPoint> Forecast(IReadOnlyList<double> series, int horizon, double coverage)
    {
        var n = series.Count;
        if (n < 4)
        {
            throw new ArgumentException($"Singular spectrum analysis needs at least 4 points, not {n}.", nameof(series));
        }

        var (path, fitted, rank) = Continue(series, horizon);
        var sigma = Intervals.Sigma(series.Select((y, i) => y - fitted[i]), rank);
        var z = Intervals.Z(coverage);
        return Enumerable.Range(1, horizon)
            .Select(h => new ForecastPoint(h, path[n + h - 1], path[n + h - 1] - (z * sigma * Math.Sqrt(h)), path[n + h - 1] + (z * sigma * Math.Sqrt(h))))
            .ToList();
    }

    /// <summary>A third of the series (at least 2, at most 24): short series forecast better from short windows.</summary>
    private static int Window(int length) => Math.Clamp(length / 3, 2, 24);

    /// <summary>The series rebuilt from its signal components and continued <paramref name="horizon"/> steps.</summary>
    private static (List<double> Path, double[] Fitted, int Rank) Continue(IReadOnlyList<double> series, int horizon)
    {
        var n = series.Count;
        var window = Window(n);
        var columns = n - window + 1;
        var trajectory = Matrix<double>.Build.Dense(window, columns, (i, j) => series[i + j]);
        var svd = trajectory.Svd(computeVectors: true);
        var singular = svd.S;
        // Signal components stand well above the noise floor (the median singular value); at most four are kept.
        var floor = Math.Max(2 * singular.OrderBy(v => v).ElementAt(singular.Count / 2), 1e-8 * singular[0]);
        var rank = Math.Clamp(singular.Count(v => v > floor), 1, Math.Min(MaxRank, window - 1));
        var u = svd.U;
        var reconstructed = Matrix<double>.Build.Dense(window, columns);
        for (var k = 0; k < rank; k++)
        {
            reconstructed += singular[k] * u.Column(k).OuterProduct(svd.VT.Row(k));
        }

        var fitted = DiagonalAverage(reconstructed, n);
        var recurrence = Recurrence(u, rank, window);
        var path = fitted.ToList();
        for (var h = 0; h < horizon; h++)
        {
            var next = 0.0;
            for (var k = 0; k < window - 1; k++)
            {
                next += recurrence[k] * path[path.Count - (window - 1) + k];
            }

            path.Add(next);
        }

        return (path, fitted, rank);
    }

    /// <summary>Hankelisation: each series value is the mean of its anti-diagonal in the rebuilt matrix.</summary>
    private static double[] DiagonalAverage(Matrix<double> matrix, int length)
    {
        var sums = new double[length];
        var counts = new int[length];
        for (var i = 0; i < matrix.RowCount; i++)
        {
            for (var j = 0; j < matrix.ColumnCount; j++)
            {
                sums[i + j] += matrix[i, j];
                counts[i + j]++;
            }
        }

        return sums.Select((s, i) => s / counts[i]).ToArray();
    }

    /// <summary>
    /// The linear recurrence coefficients of the kept eigenvectors: R = Σ πᵢ·Uᵢ▽ / (1 − ν²), where πᵢ is the last
    /// component of eigenvector i, Uᵢ▽ its other components, and ν² = Σ πᵢ². When ν² reaches 1 the series cannot be
    /// continued this way and the last level is carried forward instead.
    /// </summary>
    private static double[] Recurrence(Matrix<double> u, int rank, int window)
    {
        var coefficients = new double[window - 1];
        var verticality = 0.0;
        for (var k = 0; k < rank; k++)
        {
            verticality += u[window - 1, k] * u[window - 1, k];
        }

        if (verticality >= 1 - 1e-9)
        {
            coefficients[^1] = 1;
            return coefficients;
        }

        for (var k = 0; k < rank; k++)
        {
            var last = u[window - 1, k];
            for (var i = 0; i < window - 1; i++)
            {
                coefficients[i] += last * u[i, k] / (1 - verticality);
            }
        }

        return coefficients;
    }
}
