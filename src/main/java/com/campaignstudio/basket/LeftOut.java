package com.campaignstudio.basket;

import com.campaignstudio.text.Reason;

import java.util.ArrayList;
import java.util.List;

/**
 * The orders that made the baskets and those left out, each kind counted (the project's rule: count and report,
 * never drop silently).
 *
 * @param paidOrders     paid orders whose products are in the baskets
 * @param refunds        refunds and cancellations: never purchases
 * @param guestOrders    paid orders without a customer id: left out of baskets by customer (they are baskets of their
 *                       own when baskets are orders)
 * @param withoutProduct paid orders that name no product (and have no order line that does)
 * @param linesNotBought order lines of paid orders with a quantity of zero or less (a return or correction inside
 *                       the order): their product does not count as bought
 */
public record LeftOut(long paidOrders, long refunds, long guestOrders, long withoutProduct, long linesNotBought) {

    /** What was left out, as notes for the user; nothing for a kind that did not occur. */
    public List<Reason> notes() {
        List<Reason> notes = new ArrayList<>();
        if (refunds > 0) {
            notes.add(Reason.of("basket.note.refundsLeftOut", refunds));
        }
        if (guestOrders > 0) {
            notes.add(Reason.of("basket.note.guestOrdersLeftOut", guestOrders));
        }
        if (withoutProduct > 0) {
            notes.add(Reason.of("basket.note.withoutProductLeftOut", withoutProduct));
        }
        if (linesNotBought > 0) {
            notes.add(Reason.of("basket.note.linesNotBought", linesNotBought));
        }
        return notes;
    }
}
