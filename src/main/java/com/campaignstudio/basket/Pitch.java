package com.campaignstudio.basket;

import com.campaignstudio.work.TaskContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The next product to pitch to a customer: among the products they have not bought, those that go best with what
 * they have. The score of a product B for a customer is the best evidence from what they bought:
 * <ul>
 *   <li>{@link Score#CONFIDENCE}: the highest confidence of a rule A -> B (A one product or a pair, all bought by the
 *       customer) among the rules that reach the user's minimums. It reads as "of the customers who bought what
 *       this customer bought, this share also bought B". The maximum, not the sum: a customer who bought many
 *       products would otherwise outscore one who bought the single product that matters, and the score would no
 *       longer be a share.</li>
 *   <li>{@link Score#COSINE}: the highest cosine similarity over customers between B and a product the customer
 *       bought, among pairs bought together by at least the minimum support.</li>
 * </ul>
 * A product with no such evidence is not suggested. Ties go to the suggestion seen in more baskets, then to the
 * product's name. Each suggestion names the product(s) it comes from.
 */
public final class Pitch {

    /** How a product not yet bought is scored. */
    public enum Score {
        CONFIDENCE, COSINE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Score byKey(String key) {
            for (Score score : values()) {
                if (score.key().equalsIgnoreCase(key)) {
                    return score;
                }
            }
            throw new IllegalArgumentException("'" + key + "' is not a pitch score; the scores: confidence, cosine");
        }
    }

    /**
     * A product suggested to a customer.
     *
     * @param customer the customer's basket (baskets by customer)
     * @param rank     1 for the best suggestion to this customer
     * @param because  the product(s) bought that the score comes from
     * @param evidence baskets (or customers) that hold both the {@code because} products and the suggested one
     */
    public record Suggestion(int customer, int rank, int product, double score, int[] because, long evidence) {
        public Suggestion {
            because = because.clone();
        }

        @Override
        public int[] because() {
            return because.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Suggestion s && customer == s.customer && rank == s.rank && product == s.product
                    && Double.compare(score, s.score) == 0 && Arrays.equals(because, s.because)
                    && evidence == s.evidence;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(customer, rank, product, score, Arrays.hashCode(because), evidence);
        }

        @Override
        public String toString() {
            return "#" + rank + " for " + customer + ": " + product + " " + score + " because " + Arrays.toString(because)
                    + " (" + evidence + ")";
        }
    }

    /**
     * How often a product is suggested across an audience.
     *
     * @param first     customers for whom it is the best suggestion
     * @param suggested customers for whom it is among the suggestions
     * @param meanScore the mean score where it is suggested
     */
    public record Tally(int product, long first, long suggested, double meanScore) {
    }

    private final Baskets customers;
    private final Score score;
    private final int p;
    /** Products j with evidence from a single product i, grouped by i: the score of j for a buyer of i. */
    private final int[] singleStart;
    private final int[] singleTarget;
    private final double[] singleScore;
    private final long[] singleEvidence;
    /** Rules {i, second} -> consequent, grouped by their first (lower) product i. */
    private final int[] pairStart;
    private final int[] pairSecond;
    private final int[] pairConsequent;
    private final double[] pairScore;
    private final long[] pairEvidence;
    private final int[] nameRank;

    private Pitch(Baskets customers, Score score, double[] single, long[] singleEvidence, List<AssociationRule> pairs) {
        this.customers = customers;
        this.score = score;
        this.p = customers.productCount();
        singleStart = new int[p + 1];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                if (single[i * p + j] >= 0) {
                    singleStart[i + 1]++;
                }
            }
            singleStart[i + 1] += singleStart[i];
        }
        singleTarget = new int[singleStart[p]];
        singleScore = new double[singleStart[p]];
        this.singleEvidence = new long[singleStart[p]];
        for (int i = 0, k = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                if (single[i * p + j] >= 0) {
                    singleTarget[k] = j;
                    singleScore[k] = single[i * p + j];
                    this.singleEvidence[k++] = singleEvidence[i * p + j];
                }
            }
        }
        pairStart = new int[p + 1];
        for (AssociationRule rule : pairs) {
            pairStart[rule.antecedent()[0] + 1]++;
        }
        for (int i = 0; i < p; i++) {
            pairStart[i + 1] += pairStart[i];
        }
        pairSecond = new int[pairs.size()];
        pairConsequent = new int[pairs.size()];
        pairScore = new double[pairs.size()];
        pairEvidence = new long[pairs.size()];
        int[] next = Arrays.copyOf(pairStart, p);
        for (AssociationRule rule : pairs) {
            int k = next[rule.antecedent()[0]]++;
            pairSecond[k] = rule.antecedent()[1];
            pairConsequent[k] = rule.consequent();
            pairScore[k] = rule.confidence();
            pairEvidence[k] = rule.count();
        }
        Integer[] byName = IntStream.range(0, p).boxed().toArray(Integer[]::new);
        Arrays.sort(byName, Comparator.comparing(customers::product));
        nameRank = new int[p];
        for (int r = 0; r < p; r++) {
            nameRank[byName[r]] = r;
        }
    }

    /**
     * Scores by the confidence of {@code rules} (as {@link AssociationRules#find} gives them, by customer or by order,
     * over the same products as {@code customers}).
     */
    public static Pitch byConfidence(Baskets customers, List<AssociationRule> rules) {
        requireCustomers(customers);
        int p = customers.productCount();
        double[] single = new double[p * p];
        long[] evidence = new long[p * p];
        Arrays.fill(single, -1);
        List<AssociationRule> pairs = new ArrayList<>();
        for (AssociationRule rule : rules) {
            if (rule.consequent() >= p) {
                throw new IllegalArgumentException("the rules name more products than the customers' baskets");
            }
            int[] antecedent = rule.antecedent();
            if (antecedent.length == 2) {
                pairs.add(rule);
            } else {
                int at = antecedent[0] * p + rule.consequent();
                single[at] = rule.confidence();
                evidence[at] = rule.count();
            }
        }
        return new Pitch(customers, Score.CONFIDENCE, single, evidence, pairs);
    }

    /** Scores by cosine similarity over the customers, from pairs bought together by at least {@code minSupport}. */
    public static Pitch byCosine(Baskets customers, ItemSimilarity similarity, double minSupport) {
        requireCustomers(customers);
        int p = customers.productCount();
        double[] single = new double[p * p];
        long[] evidence = new long[p * p];
        Arrays.fill(single, -1);
        long minCount = Math.max(1, (long) Math.floor(minSupport * similarity.customers()));
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                long both = similarity.both(i, j);
                if (i != j && both >= minCount && (double) both / similarity.customers() >= minSupport) {
                    single[i * p + j] = similarity.cosine(i, j);
                    evidence[i * p + j] = both;
                }
            }
        }
        return new Pitch(customers, Score.COSINE, single, evidence, List.of());
    }

    private static void requireCustomers(Baskets customers) {
        if (customers.unit() != BasketUnit.CUSTOMER) {
            throw new IllegalArgumentException("a pitch is made to customers: give baskets by customer");
        }
    }

    public Score score() {
        return score;
    }

    /**
     * Up to {@code perCustomer} suggestions for each customer of {@code audience} (basket indexes), in audience
     * order, each customer's best first.
     */
    public List<Suggestion> suggest(int[] audience, int perCustomer, TaskContext context) {
        if (perCustomer < 1) {
            throw new IllegalArgumentException("suggest at least one product per customer, not " + perCustomer);
        }
        List<Suggestion> suggestions = new ArrayList<>();
        int[] owned = new int[p];
        int[] seen = new int[p];
        int[] touched = new int[p];
        double[] best = new double[p];
        long[] evidence = new long[p];
        int[] because = new int[p];
        int[] becauseSecond = new int[p];
        int[] start = customers.start();
        int[] items = customers.itemArray();
        for (int a = 0; a < audience.length; a++) {
            if (a % 10_000 == 0) {
                context.checkCancelled();
            }
            int c = audience[a];
            int stamp = a + 1;
            int candidates = 0;
            for (int x = start[c]; x < start[c + 1]; x++) {
                owned[items[x]] = stamp;
            }
            for (int x = start[c]; x < start[c + 1]; x++) {
                int i = items[x];
                for (int k = singleStart[i]; k < singleStart[i + 1]; k++) {
                    int j = singleTarget[k];
                    if (owned[j] == stamp) {
                        continue;
                    }
                    if (seen[j] != stamp) {
                        seen[j] = stamp;
                        best[j] = -1;
                        touched[candidates++] = j;
                    }
                    if (better(singleScore[k], singleEvidence[k], best[j], evidence[j])) {
                        best[j] = singleScore[k];
                        evidence[j] = singleEvidence[k];
                        because[j] = i;
                        becauseSecond[j] = -1;
                    }
                }
                for (int k = pairStart[i]; k < pairStart[i + 1]; k++) {
                    int j = pairConsequent[k];
                    if (owned[pairSecond[k]] != stamp || owned[j] == stamp) {
                        continue;
                    }
                    if (seen[j] != stamp) {
                        seen[j] = stamp;
                        best[j] = -1;
                        touched[candidates++] = j;
                    }
                    if (better(pairScore[k], pairEvidence[k], best[j], evidence[j])) {
                        best[j] = pairScore[k];
                        evidence[j] = pairEvidence[k];
                        because[j] = i;
                        becauseSecond[j] = pairSecond[k];
                    }
                }
            }
            for (int rank = 1; rank <= perCustomer && rank <= candidates; rank++) {
                int topAt = rank - 1;
                for (int t = rank; t < candidates; t++) {
                    if (before(touched[t], touched[topAt], best, evidence)) {
                        topAt = t;
                    }
                }
                int top = touched[topAt];
                touched[topAt] = touched[rank - 1];
                touched[rank - 1] = top;
                suggestions.add(new Suggestion(c, rank, top, best[top], becauseSecond[top] < 0
                        ? new int[]{because[top]} : new int[]{because[top], becauseSecond[top]}, evidence[top]));
            }
        }
        return suggestions;
    }

    private static boolean better(double score, long evidence, double bestScore, long bestEvidence) {
        return score >= 0 && (score > bestScore || score == bestScore && evidence > bestEvidence);
    }

    private boolean before(int j, int other, double[] best, long[] evidence) {
        if (best[j] != best[other]) {
            return best[j] > best[other];
        }
        if (evidence[j] != evidence[other]) {
            return evidence[j] > evidence[other];
        }
        return nameRank[j] < nameRank[other];
    }

    /**
     * How often each product is suggested, most often first (as the best suggestion, then at all, then by name);
     * products never suggested are left out.
     */
    public List<Tally> tally(List<Suggestion> suggestions) {
        long[] first = new long[p];
        long[] suggested = new long[p];
        double[] total = new double[p];
        for (Suggestion s : suggestions) {
            suggested[s.product()]++;
            total[s.product()] += s.score();
            if (s.rank() == 1) {
                first[s.product()]++;
            }
        }
        return IntStream.range(0, p).filter(j -> suggested[j] > 0)
                .mapToObj(j -> new Tally(j, first[j], suggested[j], total[j] / suggested[j]))
                .sorted(Comparator.comparingLong(Tally::first).reversed()
                        .thenComparing(Comparator.comparingLong(Tally::suggested).reversed())
                        .thenComparingInt(t -> nameRank[t.product()]))
                .toList();
    }
}
