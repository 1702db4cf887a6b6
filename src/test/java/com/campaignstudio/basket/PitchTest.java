package com.campaignstudio.basket;

import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The next product to pitch, worked by hand on eight customers ({@link BasketFixtures#WORKED}):
 * <pre>
 *   u1 {A, B, C}   u2 {A, B, C}   u3 {A, B}   u4 {A, D}   =u5 {B, D}   u6 {C}   u7 {A}   u8 {B}
 * </pre>
 * Buyers: A 5, B 5, C 3, D 2. Together: AB 3, AC 2, AD 1, BC 2, BD 1, CD 0, ABC 2, ABD 0. So the confidences:
 * A->B 3/5, A->C 2/5, A->D 1/5, B->A 3/5, B->C 2/5, B->D 1/5, C->A 2/3, C->B 2/3, D->A 1/2, D->B 1/2,
 * {A,B}->C 2/3; and the lifts (confidence over the consequent's share): A->B 0.6/(5/8) = 0.96, A->C 0.4/(3/8) =
 * 1.07, A->D 0.2/(2/8) = 0.8, C->A 1.07, D->B 0.8, {A,B}->C (2/3)/(3/8) = 1.78.
 */
class PitchTest {

    private static final Baskets CUSTOMERS = Baskets.of(BasketUnit.CUSTOMER, List.copyOf(BasketFixtures.WORKED.keySet()),
            List.copyOf(BasketFixtures.WORKED.values()));
    private static final RuleThresholds EVERYTHING = new RuleThresholds(0, 0, 0);

    @Test
    void aCustomerIsPitchedTheBestRuleFromWhatTheyBoughtPairsIncluded() {
        // u3 bought A and B: C by {A,B}->C (2/3) beats A->C and B->C (2/5); D by A->D or B->D (1/5, one basket
        // each: the tie goes to the first product bought).
        assertEquals(List.of(suggestion("u3", 1, "C", 2 / 3.0, 2, "A", "B"), suggestion("u3", 2, "D", 0.2, 1, "A")),
                byConfidence(EVERYTHING, "u3", 3));
        // u7 bought A: B 3/5, C 2/5, D 1/5.
        assertEquals(List.of(suggestion("u7", 1, "B", 0.6, 3, "A"), suggestion("u7", 2, "C", 0.4, 2, "A"),
                suggestion("u7", 3, "D", 0.2, 1, "A")), byConfidence(EVERYTHING, "u7", 3));
        // u6 bought C: A and B both 2/3 from two customers, so by name; nobody bought C and D together.
        assertEquals(List.of(suggestion("u6", 1, "A", 2 / 3.0, 2, "C"), suggestion("u6", 2, "B", 2 / 3.0, 2, "C")),
                byConfidence(EVERYTHING, "u6", 3));
    }

    @Test
    void onlyRulesThatReachTheMinimumsCount() {
        RuleThresholds liftAboveOne = new RuleThresholds(0, 0, 1);
        // A->B (lift 0.96) and A->D (0.8) are dropped; A->C (1.07) stays.
        assertEquals(List.of(suggestion("u7", 1, "C", 0.4, 2, "A")), byConfidence(liftAboveOne, "u7", 3));
        assertEquals(List.of(suggestion("u3", 1, "C", 2 / 3.0, 2, "A", "B")), byConfidence(liftAboveOne, "u3", 3));
        // A support of 3/8 leaves only A->B and B->A (three customers each).
        assertEquals(List.of(suggestion("u7", 1, "B", 0.6, 3, "A")),
                byConfidence(new RuleThresholds(3 / 8.0, 0, 0), "u7", 3));
        assertEquals(List.of(suggestion("u7", 1, "B", 0.6, 3, "A")), byConfidence(EVERYTHING, "u7", 1),
                "one per customer: the best");
    }

    @Test
    void cosineScoresByTheMostAlikeProductBought() {
        Pitch pitch = Pitch.byCosine(CUSTOMERS, ItemSimilarity.of(CUSTOMERS, TaskContext.silent()), 0);
        // u7 bought A: cos(A,B) = 3/sqrt(5*5), cos(A,C) = 2/sqrt(5*3), cos(A,D) = 1/sqrt(5*2).
        assertEquals(List.of(suggestion("u7", 1, "B", 0.6, 3, "A"),
                        suggestion("u7", 2, "C", 2 / Math.sqrt(15), 2, "A"),
                        suggestion("u7", 3, "D", 1 / Math.sqrt(10), 1, "A")),
                pitch.suggest(audience("u7"), 3, TaskContext.silent()));
        assertEquals(Pitch.Score.COSINE, pitch.score());
    }

    /**
     * The buyers of D are u4 {A, D} and =u5 {B, D}. u4: B by A->B (3/5, over D->B 1/2), C by A->C (2/5). =u5: A by
     * B->A (3/5), C by B->C (2/5). So A and B are each the first suggestion once, C the second twice.
     */
    @Test
    void theBuyersOfAProductAreTalliedByTheirBestSuggestion() throws Exception {
        Audience buyers = Audience.buyersOf(CUSTOMERS, "d");
        assertEquals(List.of(3, 4), Arrays.stream(buyers.customers()).boxed().toList(), "u4 and =u5, matched "
                + "ignoring case");
        Pitch pitch = Pitch.byConfidence(CUSTOMERS, AssociationRules.find(CUSTOMERS, EVERYTHING, TaskContext.silent()));
        List<Pitch.Suggestion> suggestions = pitch.suggest(buyers.customers(), 3, TaskContext.silent());
        assertEquals(List.of(suggestion("u4", 1, "B", 0.6, 3, "A"), suggestion("u4", 2, "C", 0.4, 2, "A"),
                suggestion("=u5", 1, "A", 0.6, 3, "B"), suggestion("=u5", 2, "C", 0.4, 2, "B")), suggestions);
        List<String> tally = pitch.tally(suggestions).stream().map(t -> CUSTOMERS.product(t.product()) + " "
                + t.first() + " " + t.suggested() + " " + t.meanScore()).toList();
        assertEquals(List.of("A 1 1 0.6", "B 1 1 0.6", "C 0 2 0.4"), tally);
    }

    @Test
    void unknownCustomersAndProductsAndProductsNobodyBoughtAreRefused() {
        BasketException customer = assertThrows(BasketException.class, () -> Audience.customer(CUSTOMERS, "u9"));
        assertEquals("basket.error.unknownCustomer", customer.reason().key());
        BasketException product = assertThrows(BasketException.class, () -> Audience.buyersOf(CUSTOMERS, "Z"));
        assertEquals("There is no product named \u201cZ\u201d. The project has 4 products: A, B, C, D",
                product.getMessage());
        Baskets withUnsold = new Baskets(BasketUnit.CUSTOMER, List.of("A", "E"), new String[]{"u1"}, new long[1],
                new int[]{0, 1}, new int[]{0}, new LeftOut(1, 0, 0, 0, 0));
        BasketException unsold = assertThrows(BasketException.class, () -> Audience.buyersOf(withUnsold, "E"));
        assertEquals("basket.error.productNeverBought", unsold.reason().key());
    }

    @Test
    void aSegmentsCustomersAreThoseLinkedToItsFollowersAndTheOthersAreCounted() throws Exception {
        long[] followers = {11, 12, 13};
        Baskets linked = new Baskets(BasketUnit.CUSTOMER, List.of("A"), new String[]{"x", "y", "z"}, followers,
                new int[]{0, 1, 2, 3}, new int[]{0, 0, 0}, new LeftOut(3, 0, 0, 0, 0));
        Audience audience = Audience.ofFollowers(linked, Set.of(11L, 13L, 99L, 98L), "Keen");
        assertEquals(List.of(0, 2), Arrays.stream(audience.customers()).boxed().toList());
        assertEquals(2, audience.membersWithoutPurchases(), "followers 98 and 99 have no customer");
        BasketException none = assertThrows(BasketException.class,
                () -> Audience.ofFollowers(linked, Set.of(98L), "Quiet"));
        assertEquals("basket.error.segmentWithoutBuyers", none.reason().key());
    }

    /**
     * On random baskets, each suggestion is a product the customer has not bought, its score is the best confidence
     * of a rule from products they bought (found here by looking at every rule), no better product is left out,
     * and the ranking goes down by score.
     */
    @Test
    void suggestionsAreTheBestRulesFromWhatWasBoughtOnRandomBaskets() {
        Random random = new Random(7);
        List<List<String>> lists = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (int c = 0; c < 400; c++) {
            List<String> basket = new ArrayList<>();
            for (int p = 0; p < 8; p++) {
                if (random.nextDouble() < 0.4 / (1 + p * 0.3)) {
                    basket.add("p" + p);
                }
            }
            if (basket.isEmpty()) {
                basket.add("p0");
            }
            lists.add(basket);
            refs.add("c" + c);
        }
        Baskets customers = Baskets.of(BasketUnit.CUSTOMER, refs, lists);
        RuleThresholds thresholds = new RuleThresholds(0.02, 0.05, 1.0);
        List<AssociationRule> rules = AssociationRules.find(customers, thresholds, TaskContext.silent());
        Pitch pitch = Pitch.byConfidence(customers, rules);
        int[] everyone = IntStream.range(0, customers.size()).toArray();
        List<Pitch.Suggestion> suggestions = pitch.suggest(everyone, 2, TaskContext.silent());
        assertTrue(suggestions.size() > 200, "most customers get suggestions: " + suggestions.size());
        for (int c = 0; c < customers.size(); c++) {
            Set<Integer> bought = new HashSet<>();
            for (int item : customers.items(c)) {
                bought.add(item);
            }
            double[] best = new double[customers.productCount()];
            Arrays.fill(best, -1);
            for (AssociationRule rule : rules) {
                if (Arrays.stream(rule.antecedent()).allMatch(bought::contains) && !bought.contains(rule.consequent())) {
                    best[rule.consequent()] = Math.max(best[rule.consequent()], rule.confidence());
                }
            }
            double[] sorted = Arrays.stream(best).filter(s -> s >= 0).map(s -> -s).sorted().map(s -> -s).toArray();
            int customer = c;
            List<Pitch.Suggestion> mine = suggestions.stream().filter(s -> s.customer() == customer).toList();
            assertEquals(Math.min(2, sorted.length), mine.size(), "customer " + c);
            for (int k = 0; k < mine.size(); k++) {
                Pitch.Suggestion s = mine.get(k);
                assertFalse(bought.contains(s.product()), s.toString());
                assertEquals(k + 1, s.rank());
                assertEquals(best[s.product()], s.score(), 0, s.toString());
                assertEquals(sorted[k], s.score(), 0, "the k-th best score: " + s);
            }
        }
    }

    private static List<Pitch.Suggestion> byConfidence(RuleThresholds thresholds, String customer, int perCustomer) {
        Pitch pitch = Pitch.byConfidence(CUSTOMERS, AssociationRules.find(CUSTOMERS, thresholds, TaskContext.silent()));
        return pitch.suggest(audience(customer), perCustomer, TaskContext.silent());
    }

    private static int[] audience(String customer) {
        try {
            return Audience.customer(CUSTOMERS, customer).customers();
        } catch (BasketException e) {
            throw new AssertionError(e);
        }
    }

    private static Pitch.Suggestion suggestion(String customer, int rank, String product, double score, long evidence,
                                               String... because) {
        return new Pitch.Suggestion(audience(customer)[0], rank, CUSTOMERS.indexOf(product), score,
                Arrays.stream(because).mapToInt(CUSTOMERS::indexOf).toArray(), evidence);
    }
}
