package com.campaignstudio.basket;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Baskets read from a project: what counts as bought, and every order left out counted by kind. */
class PurchaseReaderTest {

    @TempDir
    Path folder;

    @Test
    void theWorkedProjectGivesItsBasketsAndCountsWhatItLeavesOut() throws Exception {
        Path file = BasketFixtures.workedProject(folder, "worked.campaign");
        try (Project project = Project.open(ProjectLocations.under(folder.resolve("home")), file)) {
            Purchases purchases = new PurchaseReader(project.database()).read(TaskContext.silent());
            Baskets customers = purchases.byCustomer();
            Map<String, Set<String>> expected = new LinkedHashMap<>();
            BasketFixtures.WORKED.forEach((ref, products) -> expected.put(ref, new TreeSet<>(products)));
            assertEquals(expected, byRef(customers));
            // o1..o13 make the baskets; o14 is a refund, o15 a guest order, o16 names no product.
            assertEquals(new LeftOut(13, 1, 1, 1, 0), customers.leftOut());
            for (int b = 0; b < customers.size(); b++) {
                String ref = customers.ref(b);
                assertEquals(Long.parseLong(ref.substring(ref.length() - 1)), customers.follower(b), ref);
            }

            Baskets orders = purchases.byOrder();
            assertEquals(List.of("A B", "C", "A B", "C", "A", "B", "A", "D", "B", "D", "C", "A", "B", "A B"),
                    contents(orders), "o1..o13 and the guest order o15, in table order");
            assertEquals(new LeftOut(14, 1, 0, 1, 0), orders.leftOut());
        }
    }

    /**
     * <ul>
     *   <li>ann: a1 (day 2, follower 2) has lines A, B with quantity 0 (returned) and A again; a2 (day 1, follower
     *       1) names C. Her basket is {A, C}; her follower is that of her earliest order, 1.</li>
     *   <li>bob: b1 has a line without a product and a line of D; b2 (E) is cancelled; b3, refunded, has lines A and
     *       B, which do not count. His basket is {D}.</li>
     *   <li>cat: one paid order without a product, so no basket. dan: one paid order whose only line has quantity
     *       -1. A guest order names E.</li>
     * </ul>
     */
    @Test
    void linesRefundsCancellationsGuestsAndOrdersWithoutProductsAreHandledAndCounted() throws Exception {
        Path file = folder.resolve("edges.campaign");
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("home")), file,
                ZoneId.of("Asia/Shanghai"))) {
            LocalDateTime day2 = LocalDateTime.of(2026, 5, 2, 20, 0);
            LocalDateTime day1 = day2.minusDays(1);
            project.database().transaction(connection -> {
                BasketFixtures.Writer writer = new BasketFixtures.Writer(connection);
                writer.products("A", "B", "C", "D", "E");
                writer.followers(2);
                long a1 = writer.order("a1", "ann", 2, day2, "paid", "A");
                writer.line(a1, 1, "A", 1);
                writer.line(a1, 2, "B", 0);
                writer.line(a1, 3, "A", 2);
                writer.order("a2", "ann", 1, day1, "paid", "C");
                long b1 = writer.order("b1", "bob", 0, day1, "paid");
                writer.line(b1, 1, null, 1);
                writer.line(b1, 2, "D", 1);
                writer.order("b2", "bob", 0, day1, "cancelled", "E");
                writer.order("b3", "bob", 0, day1, "refunded", "A", "B");
                writer.order("c1", "cat", 0, day1, "paid");
                long d1 = writer.order("d1", "dan", 0, day1, "paid", "A");
                writer.line(d1, 1, "A", -1);
                writer.order("g1", null, 0, day1, "paid", "E");
                return null;
            });
            Purchases purchases = new PurchaseReader(project.database()).read(TaskContext.silent());
            Baskets customers = purchases.byCustomer();
            assertEquals(Map.of("ann", Set.of("A", "C"), "bob", Set.of("D")), byRef(customers));
            assertEquals(List.of("A", "B", "C", "D", "E"), customers.products());
            assertEquals(new LeftOut(3, 2, 1, 2, 2), customers.leftOut());
            assertEquals(1, customers.follower(customers.ref(0).equals("ann") ? 0 : 1), "ann's earliest order");
            assertEquals(0, customers.follower(customers.ref(0).equals("bob") ? 0 : 1), "bob has none");

            Baskets orders = purchases.byOrder();
            assertEquals(List.of("A", "C", "D", "E"), contents(orders), "a1, a2, b1 and the guest order");
            assertEquals(new LeftOut(4, 2, 0, 2, 2), orders.leftOut());
            assertEquals(List.of("basket.note.refundsLeftOut", "basket.note.withoutProductLeftOut",
                    "basket.note.linesNotBought"), orders.leftOut().notes().stream().map(r -> r.key()).toList());
            assertEquals("Left out: 1 paid orders without a customer id (there is no customer whose basket they "
                    + "could join).", customers.leftOut().notes().get(1).english());
        }
    }

    @Test
    void aProjectWithoutPaidOrdersHasNoBasketsAndTheAnalysisSaysWhy() throws Exception {
        Path file = folder.resolve("refunds.campaign");
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("home")), file,
                ZoneId.of("Asia/Shanghai"))) {
            project.database().transaction(connection -> {
                BasketFixtures.Writer writer = new BasketFixtures.Writer(connection);
                writer.products("A");
                writer.order("r1", "ann", 0, LocalDateTime.of(2026, 1, 1, 9, 0), "refunded", "A");
                writer.order("r2", null, 0, LocalDateTime.of(2026, 1, 1, 9, 0), "paid", "A");
                return null;
            });
            BasketException byCustomer = org.junit.jupiter.api.Assertions.assertThrows(BasketException.class,
                    () -> BasketAnalysis.run(project.database(), BasketSettings.defaults(), TaskContext.silent()));
            assertEquals("No customer has a paid order with a product (1 refunds and cancellations, 1 paid orders "
                    + "without a customer and 0 without a product were left out). Import orders with their customers "
                    + "and products first.", byCustomer.getMessage());
            BasketAnalysis byOrder = BasketAnalysis.run(project.database(),
                    new BasketSettings(BasketUnit.ORDER, RuleThresholds.defaults()), TaskContext.silent());
            assertEquals(1, byOrder.baskets().size(), "the guest order is a basket of its own");
            BasketException pitch = org.junit.jupiter.api.Assertions.assertThrows(BasketException.class,
                    () -> byOrder.pitch(Pitch.Score.CONFIDENCE));
            assertEquals("basket.error.noCustomerBaskets", pitch.reason().key());
        }
    }

    private static Map<String, Set<String>> byRef(Baskets customers) {
        Map<String, Set<String>> baskets = new LinkedHashMap<>();
        for (int b = 0; b < customers.size(); b++) {
            baskets.put(customers.ref(b), Arrays.stream(customers.items(b)).mapToObj(customers::product)
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        return baskets;
    }

    private static List<String> contents(Baskets orders) {
        return java.util.stream.IntStream.range(0, orders.size()).mapToObj(b -> Arrays.stream(orders.items(b))
                .mapToObj(orders::product).collect(Collectors.joining(" "))).toList();
    }
}
