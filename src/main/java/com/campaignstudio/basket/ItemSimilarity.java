package com.campaignstudio.basket;

import com.campaignstudio.work.TaskContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Item-to-item cosine similarity over customers (Linden, Smith and York 2003): each product is a 0/1 column of the
 * customer x product matrix (bought or not), and the similarity of two products is the cosine of their columns,
 * which for 0/1 columns is customers who bought both / sqrt(buyers of one x buyers of the other). 1 means exactly
 * the same buyers, 0 no buyer in common. Unlike lift it does not grow when both products are rare, but two products
 * with a handful of buyers can still look alike: the counts come with it.
 */
public final class ItemSimilarity {

    /** Two products and how alike their buyers are. */
    public record Pair(int first, int second, long both, long firstBuyers, long secondBuyers, double cosine) {
    }

    private final Baskets baskets;
    private final PairCounts counts;

    private ItemSimilarity(Baskets baskets, PairCounts counts) {
        this.baskets = baskets;
        this.counts = counts;
    }

    /** The similarities of the products of {@code customers} (baskets by customer). */
    public static ItemSimilarity of(Baskets customers, TaskContext context) {
        return of(customers, PairCounts.of(customers, context));
    }

    static ItemSimilarity of(Baskets customers, PairCounts counts) {
        if (customers.unit() != BasketUnit.CUSTOMER) {
            throw new IllegalArgumentException("similarity is measured over customers, not " + customers.unit().key()
                    + "s");
        }
        return new ItemSimilarity(customers, counts);
    }

    public double cosine(int i, int j) {
        long both = counts.both(i, j);
        return both == 0 ? 0 : both / Math.sqrt((double) counts.single[i] * counts.single[j]);
    }

    /** Customers who bought both. */
    public long both(int i, int j) {
        return counts.both(i, j);
    }

    public long buyers(int product) {
        return counts.single[product];
    }

    public int customers() {
        return counts.baskets;
    }

    /**
     * The most alike pairs of different products, at most {@code limit}, among those bought together by at least
     * {@code minSupport} of the customers (and at least one): highest cosine first, then most customers in common,
     * then by name.
     */
    public List<Pair> mostSimilar(int limit, double minSupport) {
        List<Pair> pairs = new ArrayList<>();
        long minCount = Math.max(1, (long) Math.floor(minSupport * counts.baskets));
        for (int i = 0; i < counts.products; i++) {
            for (int j = i + 1; j < counts.products; j++) {
                long both = counts.both(i, j);
                if (both >= minCount && (double) both / counts.baskets >= minSupport) {
                    pairs.add(new Pair(i, j, both, counts.single[i], counts.single[j], cosine(i, j)));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::cosine).reversed()
                .thenComparing(Comparator.comparingLong(Pair::both).reversed())
                .thenComparing(pair -> baskets.product(pair.first()))
                .thenComparing(pair -> baskets.product(pair.second())));
        return pairs.size() > limit ? List.copyOf(pairs.subList(0, limit)) : List.copyOf(pairs);
    }
}
