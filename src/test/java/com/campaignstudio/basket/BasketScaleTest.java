package com.campaignstudio.basket;

import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The size the feature is built for, without the database: 300,000 orders of 50,000 customers over 200 products of
 * skewed popularity (one order in ten with three lines), and one customer (a reseller, say) who bought all 200. Rules
 * by customer (with the default minimums and with a support of 0.1% and no other minimum), similarity, and a pitch
 * to every customer; how long that takes is for a benchmark, not for this test (about 0.2 s warm, 1.5 s cold).
 */
class BasketScaleTest {

    private static final int ORDERS = 300_000;
    private static final int CUSTOMERS = 50_000;
    private static final int PRODUCTS = 200;

    @Test
    void threeHundredThousandOrdersAreAnalysedAndPitched() throws Exception {
        Generated generated = generate(new Random(11));
        Purchases purchases = generated.purchases();
        long buyers = generated.buyers();
        BasketAnalysis byCustomer = BasketAnalysis.run(purchases, BasketSettings.defaults(), TaskContext.silent());
        BasketAnalysis loose = BasketAnalysis.run(purchases, new BasketSettings(BasketUnit.CUSTOMER,
                new RuleThresholds(0.001, 0, 0)), TaskContext.silent());
        Baskets customers = byCustomer.customers();
        List<Pitch.Suggestion> suggestions = byCustomer.pitch(Pitch.Score.CONFIDENCE)
                .suggest(IntStream.range(0, customers.size()).toArray(), 3, TaskContext.silent());
        assertEquals(buyers, customers.size(), "every customer drawn, and the reseller");
        assertTrue(loose.rules().size() > 1_000, "pair antecedents were counted: " + loose.rules().size());
        assertTrue(suggestions.size() > CUSTOMERS, "most customers get suggestions: " + suggestions.size());
        assertTrue(suggestions.stream().noneMatch(s -> customers.contains(s.customer(), s.product())),
                "nobody is pitched what they bought");
    }

    /** The purchases, and how many customers (the reseller included) have an order. */
    private record Generated(Purchases purchases, long buyers) {
    }

    private static Generated generate(Random random) {
        double[] cumulative = new double[PRODUCTS];
        double total = 0;
        for (int i = 0; i < PRODUCTS; i++) {
            total += 1.0 / (i + 1);
            cumulative[i] = total;
        }
        int orders = ORDERS + 1;
        int[] customer = new int[orders];
        int[] start = new int[orders + 1];
        int[] items = new int[ORDERS * 3 + PRODUCTS];
        int size = 0;
        for (int o = 0; o < ORDERS; o++) {
            customer[o] = random.nextInt(CUSTOMERS);
            int lines = random.nextDouble() < 0.1 ? 3 : 1;
            for (int k = 0; k < lines; k++) {
                double u = random.nextDouble() * total;
                int found = Arrays.binarySearch(cumulative, u);
                items[size++] = Math.min(found >= 0 ? found : -found - 1, PRODUCTS - 1);
            }
            start[o + 1] = size;
        }
        customer[ORDERS] = CUSTOMERS;
        for (int p = 0; p < PRODUCTS; p++) {
            items[size++] = p;
        }
        start[orders] = size;
        long buyers = Arrays.stream(customer).distinct().count();
        int kept = Baskets.sortAndDeduplicate(start, items, size);
        String[] refs = IntStream.rangeClosed(0, CUSTOMERS).mapToObj(c -> "c" + c).toArray(String[]::new);
        List<String> names = IntStream.range(0, PRODUCTS).mapToObj(p -> "Product " + p).toList();
        return new Generated(new Purchases(names, refs, new long[CUSTOMERS + 1], customer, start,
                Arrays.copyOf(items, kept), 0, 0), buyers);
    }
}
