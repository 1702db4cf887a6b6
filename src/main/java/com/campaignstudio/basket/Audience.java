package com.campaignstudio.basket;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.segments.SegmentProfile;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.text.Reason;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Whom a pitch is for: one customer, the buyers of one product, or the members of a saved segment who have bought
 * something, as basket indexes of the baskets by customer.
 *
 * @param customers               the customers' baskets, ascending
 * @param membersWithoutPurchases members of a segment who have no paid order with a product (they cannot be pitched
 *                                a product that goes with what they bought); 0 for the other audiences
 */
public record Audience(int[] customers, long membersWithoutPurchases) {

    /** How many product names an unknown name's message lists. */
    private static final int NAMES_LISTED = 5;

    public Audience {
        customers = customers.clone();
    }

    @Override
    public int[] customers() {
        return customers.clone();
    }

    /** The customer with reference {@code ref}, as the project stores it (the ltv command and exports show it). */
    public static Audience customer(Baskets baskets, String ref) throws BasketException {
        for (int b = 0; b < baskets.size(); b++) {
            if (baskets.ref(b).equals(ref)) {
                return new Audience(new int[]{b}, 0);
            }
        }
        throw new BasketException(Reason.of("basket.error.unknownCustomer", ref));
    }

    /** The customers who bought {@code product} (its exact name, or the one name that matches ignoring case). */
    public static Audience buyersOf(Baskets baskets, String product) throws BasketException {
        int index = productIndex(baskets, product);
        int[] buyers = IntStream.range(0, baskets.size()).filter(b -> baskets.contains(b, index)).toArray();
        if (buyers.length == 0) {
            throw new BasketException(Reason.of("basket.error.productNeverBought", baskets.product(index)));
        }
        return new Audience(buyers, 0);
    }

    /** The product named {@code name}: exactly, or the only one whose name matches ignoring case. */
    public static int productIndex(Baskets baskets, String name) throws BasketException {
        int exact = baskets.indexOf(name);
        if (exact >= 0) {
            return exact;
        }
        List<Integer> matches = IntStream.range(0, baskets.productCount())
                .filter(p -> baskets.product(p).equalsIgnoreCase(name)).boxed().toList();
        if (matches.size() == 1) {
            return matches.getFirst();
        }
        List<String> known = baskets.products().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        String listed = String.join(", ", known.subList(0, Math.min(NAMES_LISTED, known.size())))
                + (known.size() > NAMES_LISTED ? ", \u2026" : "");
        throw new BasketException(Reason.of("basket.error.unknownProduct", name, known.size(), listed));
    }

    /**
     * The customers linked to members of segment {@code segmentNumber} (1 = the most valuable, as printed) of a saved
     * segmentation. A customer belongs to the follower their orders are linked to, as for lifetime value.
     */
    public static Audience segment(ProjectDatabase database, Baskets baskets, long segmentation, int segmentNumber)
            throws BasketException, SQLException {
        SegmentStore store = new SegmentStore(database);
        Optional<SegmentStore.Summary> saved = store.list().stream().filter(s -> s.id() == segmentation).findFirst();
        if (saved.isEmpty()) {
            throw new BasketException(Reason.of("basket.error.noSegmentation", segmentation));
        }
        List<SegmentProfile> profiles = store.profiles(segmentation);
        if (segmentNumber < 1 || segmentNumber > profiles.size()) {
            throw new BasketException(Reason.of("basket.error.noSuchSegment", segmentNumber, saved.get().name(),
                    profiles.size()));
        }
        Set<Long> members = store.members(segmentation, segmentNumber - 1);
        String name = profiles.get(segmentNumber - 1).name();
        if (members.isEmpty()) {
            throw new BasketException(Reason.of("basket.error.emptySegment", name, saved.get().name()));
        }
        return ofFollowers(baskets, members, name);
    }

    /** The customers linked to {@code followers}; fails when none is. */
    static Audience ofFollowers(Baskets baskets, Set<Long> followers, String segmentName) throws BasketException {
        List<Integer> found = new ArrayList<>();
        Set<Long> linked = new HashSet<>();
        for (int b = 0; b < baskets.size(); b++) {
            long follower = baskets.follower(b);
            if (follower != 0 && followers.contains(follower)) {
                found.add(b);
                linked.add(follower);
            }
        }
        if (found.isEmpty()) {
            throw new BasketException(Reason.of("basket.error.segmentWithoutBuyers", segmentName, followers.size()));
        }
        return new Audience(found.stream().mapToInt(Integer::intValue).toArray(), followers.size() - linked.size());
    }
}
