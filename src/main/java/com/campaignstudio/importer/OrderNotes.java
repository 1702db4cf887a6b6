package com.campaignstudio.importer;

/**
 * What an order import found beyond its counts.
 *
 * @param lines                  order lines stored (files with one row per line)
 * @param refundsAndCancellations rows stored as refunds or cancellations, which no analysis counts as purchases
 * @param guestOrders            orders without a customer id: revenue, but no customer to follow over time
 * @param noFollower             orders whose customer id matches no follower of the project (counted only when the
 *                               project has followers: otherwise there is nothing to link to)
 * @param otherPlatform          orders whose customer id matches a follower only on another platform
 */
public record OrderNotes(long lines, long refundsAndCancellations, long guestOrders, long noFollower,
                         long otherPlatform) {

    public static final OrderNotes NONE = new OrderNotes(0, 0, 0, 0, 0);
}
