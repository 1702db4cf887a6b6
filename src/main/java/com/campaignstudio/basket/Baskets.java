package com.campaignstudio.basket;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets of products bought together, one per customer or per order, held as one array of product indexes in basket
 * order ({@code items[start[b] .. start[b+1])} is basket {@code b}, ascending, no repeats). Products are numbered
 * from 0 and named by {@link #product}.
 */
public final class Baskets {

    private final BasketUnit unit;
    private final List<String> products;
    private final String[] refs;
    private final long[] followers;
    private final int[] start;
    private final int[] items;
    private final LeftOut leftOut;

    /**
     * @param refs      each basket's customer reference (baskets by customer), or null
     * @param followers each basket's follower id, 0 when none (baskets by customer), or null
     */
    Baskets(BasketUnit unit, List<String> products, String[] refs, long[] followers, int[] start, int[] items,
            LeftOut leftOut) {
        this.unit = unit;
        this.products = List.copyOf(products);
        this.refs = refs;
        this.followers = followers;
        this.start = start;
        this.items = items;
        this.leftOut = leftOut;
    }

    /**
     * Baskets given by product name, for worked examples and planted truths: products are numbered in the order they
     * first appear; a name repeated within a basket counts once.
     *
     * @param refs one reference per basket (customer baskets), or null
     */
    public static Baskets of(BasketUnit unit, List<String> refs, List<? extends Collection<String>> baskets) {
        if (refs != null && refs.size() != baskets.size()) {
            throw new IllegalArgumentException(refs.size() + " references for " + baskets.size() + " baskets");
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        int[] start = new int[baskets.size() + 1];
        int[] items = new int[baskets.stream().mapToInt(Collection::size).sum()];
        int size = 0;
        for (int b = 0; b < baskets.size(); b++) {
            for (String name : baskets.get(b)) {
                items[size++] = index.computeIfAbsent(name, n -> {
                    names.add(n);
                    return names.size() - 1;
                });
            }
            start[b + 1] = size;
        }
        size = sortAndDeduplicate(start, items, size);
        return new Baskets(unit, names, refs == null ? null : refs.toArray(String[]::new),
                refs == null ? null : new long[baskets.size()], start, Arrays.copyOf(items, size),
                new LeftOut(baskets.size(), 0, 0, 0, 0));
    }

    /**
     * Sorts each basket's products and drops repeats, moving the baskets together; returns the new item count.
     * {@code start} is updated in place.
     */
    static int sortAndDeduplicate(int[] start, int[] items, int size) {
        int written = 0;
        int from = start[0];
        for (int b = 0; b + 1 < start.length; b++) {
            int to = start[b + 1];
            if (to - from > 1) {
                Arrays.sort(items, from, to);
            }
            start[b] = written;
            for (int k = from; k < to; k++) {
                if (k == from || items[k] != items[k - 1]) {
                    items[written++] = items[k];
                }
            }
            from = to;
        }
        start[start.length - 1] = written;
        return written;
    }

    public BasketUnit unit() {
        return unit;
    }

    /** How many baskets. */
    public int size() {
        return start.length - 1;
    }

    public int productCount() {
        return products.size();
    }

    public String product(int index) {
        return products.get(index);
    }

    public List<String> products() {
        return products;
    }

    /** The product's index, or -1 when no product has that name. */
    public int indexOf(String product) {
        return products.indexOf(product);
    }

    /** The customer reference of a basket by customer. */
    public String ref(int basket) {
        if (refs == null) {
            throw new IllegalStateException("baskets by " + unit.key() + " have no customer references");
        }
        return refs[basket];
    }

    /** The follower the customer's orders are linked to (the first of their paid orders that names one), or 0. */
    public long follower(int basket) {
        return followers == null ? 0 : followers[basket];
    }

    /** The products of basket {@code basket}, ascending. */
    public int[] items(int basket) {
        return Arrays.copyOfRange(items, start[basket], start[basket + 1]);
    }

    public int basketSize(int basket) {
        return start[basket + 1] - start[basket];
    }

    public boolean contains(int basket, int product) {
        return Arrays.binarySearch(items, start[basket], start[basket + 1], product) >= 0;
    }

    public LeftOut leftOut() {
        return leftOut;
    }

    int[] start() {
        return start;
    }

    int[] itemArray() {
        return items;
    }
}
