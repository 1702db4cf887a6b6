package com.campaignstudio.basket;

import com.campaignstudio.work.TaskContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Association rules A -> B between products (Agrawal, Imieli&#324;ski and Swami 1993), with A one product or a pair:
 * support = baskets with A and B / baskets, confidence = baskets with A and B / baskets with A, lift = confidence /
 * (baskets with B / baskets). Only rules seen in at least one basket that reach the user's minimums are kept.
 *
 * <p>Single products and pairs are counted exactly in one pass ({@link PairCounts}). Rules from a pair {A1, A2}
 * need the baskets holding three products; by the Apriori property (Agrawal and Srikant 1994) only triples whose
 * three pairs each reach the minimum support can, and those are counted with bit sets (one bit per basket and
 * product; an AND and a population count per candidate), so that the work grows with the frequent pairs, not with
 * every triple of 200 products.
 */
public final class AssociationRules {

    private AssociationRules() {
    }

    /** The rules with one- and two-product antecedents that reach {@code thresholds}, best first ({@link #order}). */
    public static List<AssociationRule> find(Baskets baskets, RuleThresholds thresholds, TaskContext context) {
        return find(baskets, PairCounts.of(baskets, context), thresholds, 2, context);
    }

    static List<AssociationRule> find(Baskets baskets, PairCounts counts, RuleThresholds thresholds,
                                      int maxAntecedent, TaskContext context) {
        int p = counts.products;
        long n = counts.baskets;
        List<AssociationRule> rules = new ArrayList<>();
        if (n == 0) {
            return rules;
        }
        long minCount = minimumCount(thresholds, n);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                int both = counts.both(i, j);
                if (i != j && both >= minCount) {
                    keep(rules, new AssociationRule(new int[]{i}, j, both, counts.single[i], counts.single[j], n),
                            thresholds);
                }
            }
        }
        if (maxAntecedent >= 2) {
            pairAntecedents(baskets, counts, thresholds, minCount, rules, context);
        }
        rules.sort(order(baskets));
        return rules;
    }

    /**
     * The fewest baskets a rule reaching the minimum support can be seen in, at least 1; a lower bound (rounded
     * down), so that pruning with it never drops a rule that the exact test would keep.
     */
    static long minimumCount(RuleThresholds thresholds, long baskets) {
        return Math.max(1, (long) Math.floor(thresholds.minSupport() * baskets));
    }

    private static void pairAntecedents(Baskets baskets, PairCounts counts, RuleThresholds thresholds, long minCount,
                                        List<AssociationRule> rules, TaskContext context) {
        int p = counts.products;
        long[][] columns = null;
        long[] both = null;
        int[] candidates = new int[p];
        for (int i = 0; i < p; i++) {
            context.checkCancelled();
            for (int j = i + 1; j < p; j++) {
                int pairCount = counts.both(i, j);
                if (pairCount < minCount) {
                    continue;
                }
                int found = 0;
                for (int k = 0; k < p; k++) {
                    if (k != i && k != j && counts.both(i, k) >= minCount && counts.both(j, k) >= minCount) {
                        candidates[found++] = k;
                    }
                }
                if (found == 0) {
                    continue;
                }
                if (columns == null) {
                    columns = columns(baskets);
                    both = new long[columns[0].length];
                }
                long[] first = columns[i];
                long[] second = columns[j];
                for (int w = 0; w < both.length; w++) {
                    both[w] = first[w] & second[w];
                }
                for (int c = 0; c < found; c++) {
                    int k = candidates[c];
                    long[] third = columns[k];
                    long all = 0;
                    for (int w = 0; w < both.length; w++) {
                        all += Long.bitCount(both[w] & third[w]);
                    }
                    if (all >= minCount) {
                        keep(rules, new AssociationRule(new int[]{i, j}, k, all, pairCount, counts.single[k],
                                counts.baskets), thresholds);
                    }
                }
            }
        }
    }

    /** One bit set per product over the baskets: bit b of column i is set when basket b holds product i. */
    static long[][] columns(Baskets baskets) {
        int words = (baskets.size() + 63) >>> 6;
        long[][] columns = new long[baskets.productCount()][words];
        int[] start = baskets.start();
        int[] items = baskets.itemArray();
        for (int b = 0; b < baskets.size(); b++) {
            for (int x = start[b]; x < start[b + 1]; x++) {
                columns[items[x]][b >>> 6] |= 1L << b;
            }
        }
        return columns;
    }

    private static void keep(List<AssociationRule> rules, AssociationRule rule, RuleThresholds thresholds) {
        if (rule.count() >= 1 && rule.support() >= thresholds.minSupport()
                && rule.confidence() >= thresholds.minConfidence() && rule.lift() >= thresholds.minLift()) {
            rules.add(rule);
        }
    }

    /**
     * Highest lift first, then highest support, then highest confidence, then single-product antecedents before
     * pairs, then by the products' names.
     */
    public static Comparator<AssociationRule> order(Baskets baskets) {
        Comparator<AssociationRule> byNames = (a, b) -> {
            for (int k = 0; k < Math.min(a.antecedent().length, b.antecedent().length); k++) {
                int compared = baskets.product(a.antecedent()[k]).compareTo(baskets.product(b.antecedent()[k]));
                if (compared != 0) {
                    return compared;
                }
            }
            return baskets.product(a.consequent()).compareTo(baskets.product(b.consequent()));
        };
        return Comparator.comparingDouble(AssociationRule::lift).reversed()
                .thenComparing(Comparator.comparingDouble(AssociationRule::support).reversed())
                .thenComparing(Comparator.comparingDouble(AssociationRule::confidence).reversed())
                .thenComparingInt(rule -> rule.antecedent().length)
                .thenComparing(byNames);
    }
}
