package com.campaignstudio.experiments;

import java.util.List;

/**
 * The sample ratio mismatch check: were visitors split between the variants as intended? A chi-square
 * goodness-of-fit test of the visitor counts against the intended shares, with k - 1 degrees of freedom. A split
 * this far off by chance (p below 0.001, a deliberately strict threshold, so that a warning is rarely a false
 * alarm; see Kohavi, Tang and Xu 2020, "Trustworthy Online Controlled Experiments", on sample ratio mismatch)
 * usually means the assignment or the counting is broken: a redirect that loses
 * people on one side, a bot filter that hits one variant, a link posted only with one version. The result is then
 * not to be trusted, however good it looks.
 *
 * @param shares   the intended shares, summing to 1
 * @param observed the observed shares of visitors
 */
public record SampleRatio(List<Double> shares, List<Double> observed, double chiSquare, double pValue) {

    /** Below this p-value the split is called a mismatch. */
    public static final double THRESHOLD = 0.001;

    public SampleRatio {
        shares = List.copyOf(shares);
        observed = List.copyOf(observed);
    }

    public boolean mismatch() {
        return pValue < THRESHOLD;
    }

    /** Tests the visitors of {@code variants} against the intended {@code weights} (any positive numbers). */
    public static SampleRatio test(List<Variant> variants, List<Double> weights) {
        if (weights.size() != variants.size() || weights.stream().anyMatch(w -> !(w > 0) || Double.isInfinite(w))) {
            throw new ExperimentException("experiment.error.split", weights.size(), variants.size());
        }
        double totalWeight = weights.stream().mapToDouble(Double::doubleValue).sum();
        long visitors = variants.stream().mapToLong(Variant::visitors).sum();
        double chiSquare = 0;
        Double[] shares = new Double[variants.size()];
        Double[] observed = new Double[variants.size()];
        for (int i = 0; i < variants.size(); i++) {
            shares[i] = weights.get(i) / totalWeight;
            observed[i] = (double) variants.get(i).visitors() / visitors;
            double expected = visitors * shares[i];
            double gap = variants.get(i).visitors() - expected;
            chiSquare += gap * gap / expected;
        }
        return new SampleRatio(List.of(shares), List.of(observed), chiSquare,
                Distributions.chiSquareUpperTail(chiSquare, variants.size() - 1));
    }

    /** Equal shares for {@code k} variants. */
    public static List<Double> even(int k) {
        return java.util.Collections.nCopies(k, 1.0);
    }
}
