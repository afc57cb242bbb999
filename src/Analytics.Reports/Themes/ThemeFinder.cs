using System.Text.RegularExpressions;

namespace Analytics.Reports.Themes;

/// <summary>
/// Groups free-text answers into a handful of themes: words and two-word phrases weighted by TF-IDF (common words
/// dropped), answers clustered by k-means on cosine similarity, each theme labelled by its heaviest terms and shown
/// with the two answers nearest its centre. A theme is reported only when at least k people wrote it, and nothing
/// when fewer than k answered at all, so no quote can be traced to a small group.
/// </summary>
public static partial class ThemeFinder
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "but", "by",
        "can", "could", "did", "do", "does", "doing", "don", "down", "during", "each", "every", "few", "for", "from", "get", "gets", "getting", "had",
        "has", "have", "having", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "me", "more", "most",
        "much", "my", "need", "needs", "no", "nor", "not", "of", "off", "on", "once", "one", "only", "or", "other", "our", "out", "over", "own", "same",
        "she", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "thing", "things", "this",
        "those", "through", "to", "too", "under", "until", "up", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
        "why", "will", "with", "would", "you", "your", "lot", "lots", "really", "make", "makes", "take", "takes", "still", "even", "always", "often",
    };

    /// <summary>Finds up to <paramref name="maxThemes"/> themes among <paramref name="answers"/>, each held by at least <paramref name="k"/> answers.</summary>
    public static IReadOnlyList<Theme> Find(IReadOnlyList<string> answers, int k, int maxThemes = 5)
    {
        var texts = answers.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToList();
        if (texts.Count < Math.Max(k, 2))
        {
            return [];
        }

        var documents = texts.Select(Terms).ToList();
        var documentFrequency = documents.SelectMany(d => d.Distinct()).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var vocabulary = documentFrequency.Where(p => p.Value >= 2).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        if (vocabulary.Count == 0)
        {
            return [];
        }

        var index = vocabulary.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);
        // An answer sharing no term with any other cannot belong to a theme.
        var vectors = documents.Select(d => Vector(d, index, documentFrequency, texts.Count)).ToList();
        var related = Enumerable.Range(0, texts.Count).Where(i => vectors[i].Any(v => v != 0)).ToList();
        texts = related.Select(i => texts[i]).ToList();
        vectors = related.Select(i => vectors[i]).ToList();
        var clusters = Math.Clamp((int)Math.Round(Math.Sqrt(texts.Count / 2.0)), 2, Math.Min(maxThemes + 1, texts.Count));
        var (assignment, centroids) = KMeans(vectors, clusters, vocabulary.Count);

        var themes = new List<Theme>();
        for (var c = 0; c < clusters; c++)
        {
            var members = Enumerable.Range(0, texts.Count).Where(i => assignment[i] == c).ToList();
            if (members.Count < k || centroids[c].All(w => w == 0))
            {
                continue;
            }

            var label = string.Join(" · ", centroids[c].Select((w, i) => (w, i)).OrderByDescending(p => p.w).Take(3).Where(p => p.w > 0).Select(p => vocabulary[p.i]));
            var quotes = members.OrderByDescending(i => Dot(vectors[i], centroids[c])).Select(i => Shorten(texts[i])).Distinct(StringComparer.OrdinalIgnoreCase).Take(2).ToList();
            themes.Add(new Theme(label, members.Count, quotes));
        }

        return themes.OrderByDescending(t => t.Count).ThenBy(t => t.Label, StringComparer.Ordinal).Take(maxThemes).ToList();
    }

    private static List<string> Terms(string text)
    {
        var words = Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();
        var terms = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            if (StopWords.Contains(words[i]) || words[i].Length < 2)
            {
                continue;
            }

            terms.Add(words[i]);
            if (i + 1 < words.Count && !StopWords.Contains(words[i + 1]) && words[i + 1].Length >= 2)
            {
                terms.Add($"{words[i]} {words[i + 1]}");
            }
        }

        return terms;
    }

    private static double[] Vector(List<string> terms, Dictionary<string, int> index, Dictionary<string, int> documentFrequency, int documents)
    {
        var vector = new double[index.Count];
        foreach (var group in terms.Where(index.ContainsKey).GroupBy(t => t))
        {
            vector[index[group.Key]] = group.Count() * Math.Log((1.0 + documents) / (1.0 + documentFrequency[group.Key]) + 1);
        }

        var norm = Math.Sqrt(vector.Sum(v => v * v));
        return norm == 0 ? vector : vector.Select(v => v / norm).ToArray();
    }

    /// <summary>Spherical k-means with a deterministic farthest-point start, so the same answers give the same themes.</summary>
    private static (int[] Assignment, double[][] Centroids) KMeans(List<double[]> vectors, int k, int dimensions)
    {
        var centroids = new List<double[]> { vectors[0] };
        while (centroids.Count < k)
        {
            centroids.Add(vectors.MinBy(v => centroids.Max(c => Dot(v, c)))!);
        }

        var assignment = new int[vectors.Count];
        for (var iteration = 0; iteration < 25; iteration++)
        {
            var changed = false;
            for (var i = 0; i < vectors.Count; i++)
            {
                var best = Enumerable.Range(0, k).MaxBy(c => Dot(vectors[i], centroids[c]));
                changed |= best != assignment[i];
                assignment[i] = best;
            }

            for (var c = 0; c < k; c++)
            {
                var sum = new double[dimensions];
                foreach (var i in Enumerable.Range(0, vectors.Count).Where(i => assignment[i] == c))
                {
                    for (var d = 0; d < dimensions; d++)
                    {
                        sum[d] += vectors[i][d];
                    }
                }

                var norm = Math.Sqrt(sum.Sum(v => v * v));
                centroids[c] = norm == 0 ? sum : sum.Select(v => v / norm).ToArray();
            }

            if (!changed && iteration > 0)
            {
                break;
            }
        }

        return (assignment, centroids.ToArray());
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..157].TrimEnd() + "…";

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
