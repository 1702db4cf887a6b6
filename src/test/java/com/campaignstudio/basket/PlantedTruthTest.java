package com.campaignstudio.basket;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A planted truth, written to a project as orders: 20,000 customers, each of whom buys the entry product "Intro" (a
 * customer exists only through what they bought, so without it the customers who bought none of the others would
 * not be there to count); 30% buy A; B is bought by 60% of A's buyers and 10% of the others; C (20%) and five other
 * products (10% each) are bought independently. So P(B) = 0.3 x 0.6 + 0.7
 * x 0.1 = 0.25 and P(A and B) = 0.18, and the rules to recover are
 * <pre>
 *   A -> B   confidence 0.6,              lift 0.6 / 0.25 = 2.4
 *   B -> A   confidence 0.18 / 0.25 = 0.72, lift 2.4
 *   A -> C   confidence 0.2,              lift 1
 *   cos(A, B) = 0.18 / sqrt(0.3 x 0.25) = 0.657
 * </pre>
 * A and B bought together come half the time as one order of two lines. Noise that must not count: 1,000 refunded
 * orders of B by customers who did not buy it, and 1,000 guest orders of A and B.
 *
 * <p>Tolerances are four standard errors at this sample size. A confidence is a share of the antecedent's buyers:
 * SE = sqrt(c (1 - c) / (n P(A))). Lift and cosine are ratios of shares of the same customers; the delta method on
 * their logarithms, with the covariances of the shares (Cov(p_X, p_Y) = (p_XY - p_X p_Y) / n), gives
 * n Var(log lift) = 1/p_AB - 1/p_A - 1/p_B + 2 lift - 1 and
 * n Var(log cos) = (1 - p_AB)/p_AB - 3/4 (1 - p_A)/p_A - 3/4 (1 - p_B)/p_B + (lift - 1)/2.
 */
class PlantedTruthTest {

    private static final int CUSTOMERS = 20_000;
    private static final double P_A = 0.3;
    private static final double B_GIVEN_A = 0.6;
    private static final double B_GIVEN_NOT_A = 0.1;
    private static final double P_C = 0.2;
    private static final int NOISE = 1_000;

    private static final double P_B = P_A * B_GIVEN_A + (1 - P_A) * B_GIVEN_NOT_A;
    private static final double P_AB = P_A * B_GIVEN_A;
    private static final double LIFT = P_AB / (P_A * P_B);

    @TempDir
    static Path folder;
    static BasketAnalysis analysis;

    @BeforeAll
    static void plant() throws Exception {
        Path file = folder.resolve("planted.campaign");
        Random random = new Random(20_261_123);
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("home")), file,
                ZoneId.of("Asia/Shanghai"))) {
            project.database().transaction(connection -> {
                BasketFixtures.Writer writer = new BasketFixtures.Writer(connection);
                List<String> names = List.of("A", "B", "C", "N1", "N2", "N3", "N4", "N5", "Intro");
                writer.products(names.toArray(String[]::new));
                try (PreparedStatement order = connection.prepareStatement("INSERT INTO customer_order (id, order_ref, "
                        + "customer_ref, product_id, amount, paid_at, status) VALUES (?, ?, ?, ?, 99, ?, ?)");
                     PreparedStatement line = connection.prepareStatement("INSERT INTO order_line (order_id, line_no, "
                             + "product_id, quantity, amount) VALUES (?, ?, ?, 1, 99)")) {
                    long id = 0;
                    Timestamp paid = Timestamp.valueOf(LocalDateTime.of(2026, 6, 1, 12, 0));
                    int refunds = 0;
                    for (int c = 0; c < CUSTOMERS + NOISE; c++) {
                        boolean guest = c >= CUSTOMERS;
                        String customer = guest ? null : "c" + c;
                        boolean a = guest || random.nextDouble() < P_A;
                        boolean b = guest || random.nextDouble() < (a ? B_GIVEN_A : B_GIVEN_NOT_A);
                        if (a && b && (guest || random.nextBoolean())) {
                            id++;
                            add(order, id, customer, writer.productId("A"), paid, "paid");
                            for (int k = 0; k < 2; k++) {
                                line.setLong(1, id);
                                line.setInt(2, k + 1);
                                line.setLong(3, writer.productId(k == 0 ? "A" : "B"));
                                line.addBatch();
                            }
                        } else {
                            if (a) {
                                add(order, ++id, customer, writer.productId("A"), paid, "paid");
                            }
                            if (b) {
                                add(order, ++id, customer, writer.productId("B"), paid, "paid");
                            }
                        }
                        if (guest) {
                            continue;
                        }
                        add(order, ++id, customer, writer.productId("Intro"), paid, "paid");
                        for (int p = 2; p < names.size() - 1; p++) {
                            if (random.nextDouble() < (p == 2 ? P_C : 0.1)) {
                                add(order, ++id, customer, writer.productId(names.get(p)), paid, "paid");
                            }
                        }
                        if (!b && refunds < NOISE && random.nextDouble() < 0.1) {
                            add(order, ++id, customer, writer.productId("B"), paid, "refunded");
                            refunds++;
                        }
                    }
                    assertEquals(NOISE, refunds, "the planted refunds");
                    order.executeBatch();
                    line.executeBatch();
                }
                return null;
            });
            analysis = BasketAnalysis.run(project.database(), BasketSettings.defaults(), TaskContext.silent());
        }
    }

    private static void add(PreparedStatement order, long id, String customer, long product, Timestamp paid,
                            String status) throws java.sql.SQLException {
        order.setLong(1, id);
        order.setString(2, "o" + id);
        order.setString(3, customer);
        order.setLong(4, product);
        order.setTimestamp(5, paid);
        order.setString(6, status);
        order.addBatch();
    }

    @Test
    void theRefundsAndGuestOrdersAreLeftOutAndCounted() {
        LeftOut left = analysis.baskets().leftOut();
        assertEquals(NOISE, left.refunds());
        assertEquals(NOISE, left.guestOrders());
        assertEquals(0, left.withoutProduct());
        double customersWithA = analysis.similarity().buyers(analysis.baskets().indexOf("A"));
        assertEquals(P_A, customersWithA / analysis.baskets().size(), 4 * Math.sqrt(P_A * (1 - P_A) / CUSTOMERS),
                "the guest orders' A does not count");
    }

    @Test
    void confidenceOfBothRulesIsRecovered() {
        AssociationRule aToB = rule("A", "B");
        assertEquals(B_GIVEN_A, aToB.confidence(), 4 * Math.sqrt(B_GIVEN_A * (1 - B_GIVEN_A) / (CUSTOMERS * P_A)));
        double aGivenB = P_AB / P_B;
        AssociationRule bToA = rule("B", "A");
        assertEquals(aGivenB, bToA.confidence(), 4 * Math.sqrt(aGivenB * (1 - aGivenB) / (CUSTOMERS * P_B)));
        assertEquals(P_AB, aToB.support(), 4 * Math.sqrt(P_AB * (1 - P_AB) / CUSTOMERS));
    }

    @Test
    void liftOfThePlantedPairIsRecoveredAndTheIndependentProductHasNone() {
        double seLogLift = Math.sqrt((1 / P_AB - 1 / P_A - 1 / P_B + 2 * LIFT - 1) / CUSTOMERS);
        assertEquals(Math.log(LIFT), Math.log(rule("A", "B").lift()), 4 * seLogLift);
        assertEquals(Math.log(LIFT), Math.log(rule("B", "A").lift()), 4 * seLogLift);
        double seLogIndependent = Math.sqrt((1 - P_A) * (1 - P_C) / (P_A * P_C * CUSTOMERS));
        assertEquals(0, Math.log(rule("A", "C").lift()), 4 * seLogIndependent);
        AssociationRule best = analysis.rules().stream().filter(r -> r.antecedent().length == 1).findFirst()
                .orElseThrow();
        assertEquals(java.util.Set.of("A", "B"), java.util.Set.of(analysis.baskets().product(best.antecedent()[0]),
                analysis.baskets().product(best.consequent())), "A and B (the same lift either way) lead the "
                + "single-product rules: " + best);
    }

    @Test
    void cosineOfThePlantedPairIsRecovered() {
        double cosine = P_AB / Math.sqrt(P_A * P_B);
        double seLogCosine = Math.sqrt(((1 - P_AB) / P_AB - 0.75 * (1 - P_A) / P_A - 0.75 * (1 - P_B) / P_B
                + (LIFT - 1) / 2) / CUSTOMERS);
        Baskets baskets = analysis.baskets();
        double found = analysis.similarity().cosine(baskets.indexOf("A"), baskets.indexOf("B"));
        assertEquals(Math.log(cosine), Math.log(found), 4 * seLogCosine);
        ItemSimilarity.Pair top = analysis.similarity().mostSimilar(1, 0.01).getFirst();
        assertEquals("A B", baskets.product(top.first()) + " " + baskets.product(top.second()));
    }

    @Test
    void aBuyerOfAIsPitchedB() throws Exception {
        Baskets customers = analysis.customers();
        int a = customers.indexOf("A");
        int b = customers.indexOf("B");
        int onlyA = java.util.stream.IntStream.range(0, customers.size()).filter(c -> customers.basketSize(c) == 2
                && customers.contains(c, a) && customers.contains(c, customers.indexOf("Intro"))).findFirst()
                .orElseThrow();
        Pitch.Suggestion first = analysis.pitch(Pitch.Score.CONFIDENCE)
                .suggest(new int[]{onlyA}, 1, TaskContext.silent()).getFirst();
        assertEquals(b, first.product());
        assertEquals(rule("A", "B").confidence(), first.score(), 0);
        assertTrue(analysis.rules().stream().noneMatch(r -> r.lift() < 1), "the default minimum lift is 1");
    }

    private static AssociationRule rule(String antecedent, String consequent) {
        Baskets baskets = analysis.baskets();
        return AssociationRules.find(baskets, new RuleThresholds(0, 0, 0), TaskContext.silent()).stream()
                .filter(r -> r.antecedent().length == 1 && r.antecedent()[0] == baskets.indexOf(antecedent)
                        && r.consequent() == baskets.indexOf(consequent)).findFirst().orElseThrow();
    }
}
