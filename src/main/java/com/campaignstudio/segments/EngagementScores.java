package com.campaignstudio.segments;

import java.util.Arrays;

/**
 * The community engagement scores of domain.md section 3, per follower:
 * U = alpha*C + beta*I + gamma*R, with
 * <ul>
 *   <li>C, content value received: views and live sessions watched, and minutes watched (mean of the two);</li>
 *   <li>I, interest level: likes, comments, shares, favourites and clicks;</li>
 *   <li>R, interaction frequency: interactions per 30 days since following.</li>
 * </ul>
 * Each is normalised to [0, 1] as log1p(x) / log1p(p99), capped at 1: the 99th percentile of the population
 * scores 1, so a handful of extreme accounts do not squash everyone else towards 0.
 */
public final class EngagementScores {

    /**
     * The user's weights: alpha, beta, gamma for U (defaults 0.6, 0.3, 0.1 as in domain.md); eta, theta, xi for
     * a segment's community activity index I_k = eta*U_k + theta*R_k + xi*T_k (defaults 0.5, 0.3, 0.2; T_k is
     * the segment's mean tenure normalised by the longest).
     */
    public record Weights(double alpha, double beta, double gamma, double eta, double theta, double xi) {
        public static Weights defaults() {
            return new Weights(0.6, 0.3, 0.1, 0.5, 0.3, 0.2);
        }
    }

    private final double[] content;
    private final double[] interest;
    private final double[] frequency;
    private final double[] score;

    private EngagementScores(double[] content, double[] interest, double[] frequency, double[] score) {
        this.content = content;
        this.interest = interest;
        this.frequency = frequency;
        this.score = score;
    }

    public static EngagementScores of(FollowerFacts facts, Weights weights) {
        int n = facts.size();
        double[] views = new double[n];
        double[] minutes = new double[n];
        double[] interestCounts = new double[n];
        double[] perMonth = new double[n];
        for (int i = 0; i < n; i++) {
            views[i] = count(facts, "view", i) + count(facts, "live_watch", i);
            minutes[i] = count(facts, "watch_minutes", i);
            interestCounts[i] = count(facts, "like", i) + count(facts, "comment", i) + count(facts, "share", i)
                    + count(facts, "favourite", i) + count(facts, "click", i);
            double tenure = Double.isNaN(facts.tenureDays()[i]) ? 30 : facts.tenureDays()[i];
            perMonth[i] = facts.interactions()[i] / Math.max(1, tenure / 30);
        }
        double[] viewsNorm = normalised(views);
        double[] minutesNorm = normalised(minutes);
        double[] content = new double[n];
        for (int i = 0; i < n; i++) {
            content[i] = (viewsNorm[i] + minutesNorm[i]) / 2;
        }
        double[] interest = normalised(interestCounts);
        double[] frequency = normalised(perMonth);
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            score[i] = u(content[i], interest[i], frequency[i], weights);
        }
        return new EngagementScores(content, interest, frequency, score);
    }

    /** U = alpha*C + beta*I + gamma*R. */
    public static double u(double c, double i, double r, Weights weights) {
        return weights.alpha() * c + weights.beta() * i + weights.gamma() * r;
    }

    /** I_k = eta*U_k + theta*R_k + xi*T_k. */
    public static double activityIndex(double meanU, double meanR, double normalisedTenure, Weights weights) {
        return weights.eta() * meanU + weights.theta() * meanR + weights.xi() * normalisedTenure;
    }

    public double[] score() {
        return score;
    }

    public double[] content() {
        return content;
    }

    public double[] interest() {
        return interest;
    }

    public double[] frequency() {
        return frequency;
    }

    private static long count(FollowerFacts facts, String kind, int i) {
        long[] counts = facts.kindCounts().get(kind);
        return counts == null ? 0 : counts[i];
    }

    /** log1p(x) / log1p(p99), capped at 1; all zeros stay zeros. */
    static double[] normalised(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double p99 = sorted.length == 0 ? 0 : sorted[(int) Math.floor(0.99 * (sorted.length - 1))];
        if (p99 <= 0) {
            p99 = sorted.length == 0 ? 0 : sorted[sorted.length - 1];
        }
        double scale = Math.log1p(Math.max(0, p99));
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = scale <= 0 ? 0 : Math.min(1, Math.log1p(Math.max(0, values[i])) / scale);
        }
        return result;
    }
}
