package com.campaignstudio.basket;

import java.util.Arrays;
import java.util.List;

/**
 * The products of every paid order and whose order it is, as {@link PurchaseReader} read them; made into baskets by
 * customer or by order. Each kind of order left out is counted in the baskets' {@link LeftOut}.
 */
public final class Purchases {

    private final List<String> products;
    private final String[] customerRefs;
    private final long[] customerFollowers;
    /** Per paid order: the customer's index, or -1 for a guest order. */
    private final int[] customer;
    /** Per paid order: its products, {@code items[start[o] .. start[o+1])}, ascending. */
    private final int[] start;
    private final int[] items;
    private final long refunds;
    private final long linesNotBought;

    Purchases(List<String> products, String[] customerRefs, long[] customerFollowers, int[] customer, int[] start,
              int[] items, long refunds, long linesNotBought) {
        this.products = List.copyOf(products);
        this.customerRefs = customerRefs;
        this.customerFollowers = customerFollowers;
        this.customer = customer;
        this.start = start;
        this.items = items;
        this.refunds = refunds;
        this.linesNotBought = linesNotBought;
    }

    public Baskets by(BasketUnit unit) {
        return unit == BasketUnit.CUSTOMER ? byCustomer() : byOrder();
    }

    /** One basket per paid order that holds a product, guest orders included. */
    public Baskets byOrder() {
        int orders = customer.length;
        int[] basketStart = new int[orders + 1];
        int baskets = 0;
        long withoutProduct = 0;
        for (int o = 0; o < orders; o++) {
            if (start[o + 1] == start[o]) {
                withoutProduct++;
                continue;
            }
            basketStart[++baskets] = start[o + 1];
        }
        // Orders without products add no items, so the items array serves as it is.
        return new Baskets(BasketUnit.ORDER, products, null, null, Arrays.copyOf(basketStart, baskets + 1), items,
                new LeftOut(baskets, refunds, 0, withoutProduct, linesNotBought));
    }

    /** One basket per customer: the products of all their paid orders. Guest orders have no customer to join. */
    public Baskets byCustomer() {
        int customers = customerRefs.length;
        int orders = customer.length;
        long guests = 0;
        long withoutProduct = 0;
        long used = 0;
        int[] count = new int[customers + 1];
        for (int o = 0; o < orders; o++) {
            if (customer[o] < 0) {
                guests++;
            } else if (start[o + 1] == start[o]) {
                withoutProduct++;
            } else {
                used++;
                count[customer[o] + 1] += start[o + 1] - start[o];
            }
        }
        for (int c = 0; c < customers; c++) {
            count[c + 1] += count[c];
        }
        int[] gathered = new int[count[customers]];
        int[] next = Arrays.copyOf(count, customers);
        for (int o = 0; o < orders; o++) {
            if (customer[o] >= 0) {
                for (int k = start[o]; k < start[o + 1]; k++) {
                    gathered[next[customer[o]]++] = items[k];
                }
            }
        }
        int size = Baskets.sortAndDeduplicate(count, gathered, gathered.length);
        // Customers whose paid orders name no product have an empty basket: not a basket at all.
        int kept = 0;
        int[] basketStart = new int[customers + 1];
        String[] refs = new String[customers];
        long[] followers = new long[customers];
        for (int c = 0; c < customers; c++) {
            if (count[c + 1] > count[c]) {
                refs[kept] = customerRefs[c];
                followers[kept] = customerFollowers[c];
                basketStart[++kept] = count[c + 1];
            }
        }
        return new Baskets(BasketUnit.CUSTOMER, products, Arrays.copyOf(refs, kept), Arrays.copyOf(followers, kept),
                Arrays.copyOf(basketStart, kept + 1), Arrays.copyOf(gathered, size),
                new LeftOut(used, refunds, guests, withoutProduct, linesNotBought));
    }
}
