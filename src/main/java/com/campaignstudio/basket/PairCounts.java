package com.campaignstudio.basket;

import com.campaignstudio.work.TaskContext;

/**
 * How many baskets hold each product and each pair of products, counted in one pass over the baskets (the work is
 * the sum of the squared basket sizes; knowledge-product baskets are small). With 200 products the pair counts are a
 * 200 x 200 table of ints.
 */
final class PairCounts {

    final int baskets;
    final int products;
    /** Baskets holding product i. */
    final int[] single;
    /** Baskets holding both i and j, at {@code i * products + j}, symmetric; the diagonal holds {@link #single}. */
    final int[] pair;

    private PairCounts(int baskets, int products) {
        this.baskets = baskets;
        this.products = products;
        this.single = new int[products];
        this.pair = new int[products * products];
    }

    static PairCounts of(Baskets baskets, TaskContext context) {
        int p = baskets.productCount();
        PairCounts counts = new PairCounts(baskets.size(), p);
        int[] start = baskets.start();
        int[] items = baskets.itemArray();
        for (int b = 0; b < baskets.size(); b++) {
            if (b % 100_000 == 0) {
                context.checkCancelled();
            }
            for (int x = start[b]; x < start[b + 1]; x++) {
                int i = items[x];
                counts.single[i]++;
                int row = i * p;
                for (int y = x + 1; y < start[b + 1]; y++) {
                    counts.pair[row + items[y]]++;
                }
            }
        }
        for (int i = 0; i < p; i++) {
            counts.pair[i * p + i] = counts.single[i];
            for (int j = i + 1; j < p; j++) {
                counts.pair[j * p + i] = counts.pair[i * p + j];
            }
        }
        return counts;
    }

    int both(int i, int j) {
        return pair[i * products + j];
    }
}
