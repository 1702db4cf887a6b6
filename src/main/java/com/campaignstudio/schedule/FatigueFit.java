package com.campaignstudio.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Fatigue φ read from the project's own posts: a post published while an earlier one on its platform was still being
 * seen should have reached fewer people, by the factor Π(1 − φ·e^(−λΔ)) of {@link ScheduleModel}. On the log scale
 * that is a term o_j(φ) = Σ log(1 − φ·e^(−λΔ)); φ is chosen to minimise the squared differences of log reach less
 * o_j(φ) from their platform-and-format means (least squares, golden section over 0 to {@link #MAX}). Only posts that
 * had an earlier post still running say anything about φ: with fewer than {@link #MIN_OVERLAPPING} of them the
 * default stands.
 */
public final class FatigueFit {

    public static final int MIN_OVERLAPPING = 20;
    static final double MAX = 0.95;
    /** An earlier post counts as still running while more than this share of its reach is to come. */
    static final double RUNNING = 0.1;
    private static final int STEPS = 40;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    /** The estimate, or empty when too few posts overlapped; {@code overlapping}: the posts that did. */
    public record Estimate(OptionalDouble fatigue, int overlapping) {
    }

    private FatigueFit() {
    }

    public static Estimate estimate(PostHistory posts, ScheduleModel model) {
        Map<String, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < posts.size(); i++) {
            if (posts.reach()[i] > 0 && model.platforms().containsKey(posts.platformCode(i))) {
                groups.computeIfAbsent(posts.platformCode(i) + "/" + posts.formatCode(i), g -> new ArrayList<>())
                        .add(i);
            }
        }
        List<int[]> members = new ArrayList<>();
        groups.values().forEach(list -> members.add(list.stream().mapToInt(Integer::intValue).toArray()));
        Map<Integer, double[]> overlaps = overlaps(posts, model);
        int overlapping = (int) overlaps.values().stream()
                .filter(shares -> shares.length > 0 && max(shares) > RUNNING).count();
        if (overlapping < MIN_OVERLAPPING) {
            return new Estimate(OptionalDouble.empty(), overlapping);
        }
        double low = 0;
        double high = MAX;
        for (int step = 0; step < STEPS; step++) {
            double m1 = high - GOLDEN * (high - low);
            double m2 = low + GOLDEN * (high - low);
            if (sse(posts, members, overlaps, m1) <= sse(posts, members, overlaps, m2)) {
                high = m2;
            } else {
                low = m1;
            }
        }
        return new Estimate(OptionalDouble.of((low + high) / 2), overlapping);
    }

    /** Per post, e^(−λΔ) for each earlier post of its platform still running when it went out. */
    private static Map<Integer, double[]> overlaps(PostHistory posts, ScheduleModel model) {
        Map<String, List<Integer>> byPlatform = new HashMap<>();
        for (int i = 0; i < posts.size(); i++) {
            if (posts.reach()[i] > 0 && model.platforms().containsKey(posts.platformCode(i))) {
                byPlatform.computeIfAbsent(posts.platformCode(i), p -> new ArrayList<>()).add(i);
            }
        }
        Map<Integer, double[]> overlaps = new HashMap<>();
        byPlatform.forEach((code, list) -> {
            PlatformModel platform = model.platforms().get(code);
            list.sort((a, b) -> Long.compare(posts.publishedAt()[a], posts.publishedAt()[b]));
            for (int k = 0; k < list.size(); k++) {
                int j = list.get(k);
                List<Double> shares = new ArrayList<>();
                for (int e = k - 1; e >= 0; e--) {
                    int i = list.get(e);
                    double hours = (posts.publishedAt()[j] - posts.publishedAt()[i]) / 3600.0;
                    double share = Math.exp(-platform.lambda(posts.formatCode(i)) * hours);
                    if (share < 1e-3) {
                        break;
                    }
                    shares.add(share);
                }
                overlaps.put(j, shares.stream().mapToDouble(Double::doubleValue).toArray());
            }
        });
        return overlaps;
    }

    private static double sse(PostHistory posts, List<int[]> groups, Map<Integer, double[]> overlaps, double fatigue) {
        double total = 0;
        for (int[] group : groups) {
            double[] adjusted = new double[group.length];
            double mean = 0;
            for (int k = 0; k < group.length; k++) {
                double offset = 0;
                for (double share : overlaps.get(group[k])) {
                    offset += Math.log(1 - fatigue * share);
                }
                adjusted[k] = Math.log(posts.reach()[group[k]]) - offset;
                mean += adjusted[k] / group.length;
            }
            for (double value : adjusted) {
                total += (value - mean) * (value - mean);
            }
        }
        return total;
    }

    private static double max(double[] values) {
        double max = 0;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
