package com.campaignstudio.basket;

import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Cosine similarity of products over customers, worked by hand on a six-customer matrix. */
class ItemSimilarityTest {

    /**
     * <pre>
     *        A  B  C  D
     *   c1   1  1  .  .
     *   c2   1  1  1  .
     *   c3   1  .  .  .
     *   c4   .  1  1  .
     *   c5   .  .  1  .
     *   c6   1  .  .  1
     * </pre>
     * Column norms: |A| = sqrt 4, |B| = |C| = sqrt 3, |D| = 1. Dot products: A.B = 2 (c1, c2), A.C = 1 (c2),
     * A.D = 1 (c6), B.C = 2 (c2, c4), B.D = C.D = 0.
     */
    private static final Baskets CUSTOMERS = Baskets.of(BasketUnit.CUSTOMER, List.of("c1", "c2", "c3", "c4", "c5", "c6"),
            List.of(List.of("A", "B"), List.of("A", "B", "C"), List.of("A"), List.of("B", "C"), List.of("C"),
                    List.of("A", "D")));

    private static final ItemSimilarity SIMILARITY = ItemSimilarity.of(CUSTOMERS, TaskContext.silent());

    @Test
    void cosineIsCustomersInCommonOverTheRootOfTheBuyerCounts() {
        assertEquals(2 / Math.sqrt(4 * 3), cosine("A", "B"), 1e-12);
        assertEquals(1 / Math.sqrt(4 * 3), cosine("A", "C"), 1e-12);
        assertEquals(1 / Math.sqrt(4 * 1), cosine("A", "D"), 1e-12);
        assertEquals(2 / 3.0, cosine("B", "C"), 1e-12);
        assertEquals(0, cosine("B", "D"), 0);
        assertEquals(0, cosine("C", "D"), 0);
        assertEquals(cosine("A", "B"), cosine("B", "A"), 0, "symmetric");
        assertEquals(1, cosine("C", "C"), 1e-12, "a product is wholly like itself");
        assertEquals(4, SIMILARITY.buyers(CUSTOMERS.indexOf("A")));
        assertEquals(2, SIMILARITY.both(CUSTOMERS.indexOf("B"), CUSTOMERS.indexOf("C")));
    }

    @Test
    void mostSimilarPairsComeByCosineAndNeedTheMinimumSupport() {
        assertEquals(List.of("B-C 2 0.667", "A-B 2 0.577", "A-D 1 0.500", "A-C 1 0.289"), shown(10, 0));
        assertEquals(List.of("B-C 2 0.667", "A-B 2 0.577"), shown(10, 2 / 6.0), "bought together by 2 of 6 at least");
        assertEquals(List.of("B-C 2 0.667"), shown(1, 0));
    }

    @Test
    void similarityIsOverCustomersNotOrders() {
        Baskets orders = Baskets.of(BasketUnit.ORDER, null, List.of(List.of("A", "B")));
        assertThrows(IllegalArgumentException.class, () -> ItemSimilarity.of(orders, TaskContext.silent()));
    }

    private static double cosine(String first, String second) {
        return SIMILARITY.cosine(CUSTOMERS.indexOf(first), CUSTOMERS.indexOf(second));
    }

    private static List<String> shown(int limit, double minSupport) {
        return SIMILARITY.mostSimilar(limit, minSupport).stream().map(pair -> CUSTOMERS.product(pair.first()) + "-"
                + CUSTOMERS.product(pair.second()) + " " + pair.both() + " "
                + String.format(java.util.Locale.ROOT, "%.3f", pair.cosine())).toList();
    }
}
