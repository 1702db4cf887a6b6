package com.campaignstudio.basket;

import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Support, confidence and lift against the textbooks' worked market baskets, and against counting by brute force. */
class AssociationRulesTest {

    private static final RuleThresholds EVERYTHING = new RuleThresholds(0, 0, 0);

    /**
     * Tan, Steinbach and Kumar, Introduction to Data Mining (2006), Table 6.1, "An example of market basket
     * transactions".
     */
    private static final Baskets TAN_STEINBACH_KUMAR = Baskets.of(BasketUnit.ORDER, null, List.of(
            List.of("Bread", "Milk"),
            List.of("Bread", "Diapers", "Beer", "Eggs"),
            List.of("Milk", "Diapers", "Beer", "Cola"),
            List.of("Bread", "Milk", "Diapers", "Beer"),
            List.of("Bread", "Milk", "Diapers", "Cola")));

    /**
     * Section 6.1 of the same book lists the rules from the itemset {Beer, Diapers, Milk}; those with one product
     * after the arrow, with the published (rounded) support and confidence, and each value as the fraction it
     * rounds (checked by hand on Table 6.1: Beer, Diapers and Milk together in transactions 3 and 4; Beer and
     * Diapers together in 2, 3, 4; Beer and Milk in 3, 4; Diapers and Milk in 3, 4, 5). Lift is not published
     * there; by hand it is confidence / share of the consequent: Milk is in 4 of 5 baskets, Diapers in 4, Beer in 3.
     */
    @ParameterizedTest
    @CsvSource(textBlock = """
            # if,          and,     then,    count, if_count, support, conf,  conf_exact, lift_exact
            Beer,          Diapers, Milk,    2,     3,        0.4,     0.67,  0.6666666666666666, 0.8333333333333334
            Beer,          Milk,    Diapers, 2,     2,        0.4,     1.0,   1.0,                1.25
            Diapers,       Milk,    Beer,    2,     3,        0.4,     0.67,  0.6666666666666666, 1.1111111111111112
            """)
    void tanSteinbachKumarRulesHaveThePublishedSupportAndConfidence(String first, String second, String then,
                                                                     long count, long ifCount, double support,
                                                                     double confidence, double exactConfidence,
                                                                     double exactLift) {
        AssociationRule rule = rule(TAN_STEINBACH_KUMAR, then, first, second);
        assertEquals(count, rule.count());
        assertEquals(ifCount, rule.antecedentCount());
        assertEquals(5, rule.baskets());
        assertEquals(support, rule.support(), 1e-12);
        assertEquals(confidence, rule.confidence(), 0.005, "the published value, to two decimals");
        assertEquals(exactConfidence, rule.confidence(), 1e-12);
        assertEquals(exactLift, rule.lift(), 1e-12);
    }

    /**
     * Han, Kamber and Pei, Data Mining: Concepts and Techniques (3rd ed., 2012), Table 6.1 (the AllElectronics
     * transactions) and Figure 6.2 (the support counts Apriori finds with a minimum count of 2).
     */
    private static final Baskets ALL_ELECTRONICS = Baskets.of(BasketUnit.ORDER, null, List.of(
            List.of("I1", "I2", "I5"), List.of("I2", "I4"), List.of("I2", "I3"), List.of("I1", "I2", "I4"),
            List.of("I1", "I3"), List.of("I2", "I3"), List.of("I1", "I3"), List.of("I1", "I2", "I3", "I5"),
            List.of("I1", "I2", "I3")));

    @ParameterizedTest
    @CsvSource(textBlock = """
            # pair,  support count (Figure 6.2, L2)
            I1, I2, 4
            I1, I3, 4
            I1, I5, 2
            I2, I3, 4
            I2, I4, 2
            I2, I5, 2
            """)
    void hanKamberPeiPairsHaveThePublishedSupportCounts(String first, String second, long count) {
        AssociationRule rule = rule(ALL_ELECTRONICS, second, first);
        assertEquals(count, rule.count());
        assertEquals(count / 9.0, rule.support(), 1e-12);
    }

    /**
     * Example 6.4 of the same book: the rules from {I1, I2, I5} with one item after the arrow and their confidence
     * (2/4 = 50%, 2/2 = 100%, 2/2 = 100%). With the example's minimum confidence of 70%, only the last two are
     * strong; its minimum support count of 2 is 2/9 of the baskets.
     */
    @Test
    void hanKamberPeiExampleSixFourKeepsOnlyTheStrongRules() {
        assertEquals(0.5, rule(ALL_ELECTRONICS, "I5", "I1", "I2").confidence(), 1e-12);
        assertEquals(1.0, rule(ALL_ELECTRONICS, "I2", "I1", "I5").confidence(), 1e-12);
        assertEquals(1.0, rule(ALL_ELECTRONICS, "I1", "I2", "I5").confidence(), 1e-12);
        List<AssociationRule> strong = AssociationRules.find(ALL_ELECTRONICS, new RuleThresholds(2 / 9.0, 0.7, 0),
                TaskContext.silent());
        Set<String> fromI1I2I5 = strong.stream().filter(r -> r.antecedent().length == 2)
                .filter(r -> Set.of("I1", "I2", "I5").containsAll(names(ALL_ELECTRONICS, r))
                        && Set.of("I1", "I2", "I5").contains(ALL_ELECTRONICS.product(r.consequent())))
                .map(r -> describe(ALL_ELECTRONICS, r)).collect(Collectors.toSet());
        assertEquals(Set.of("I1+I5->I2", "I2+I5->I1"), fromI1I2I5);
        assertTrue(strong.stream().allMatch(r -> r.count() >= 2 && r.confidence() >= 0.7), strong.toString());
    }

    /**
     * Han, Kamber and Pei, Example 6.7: of 10,000 transactions 6,000 hold computer games, 7,500 videos and 4,000
     * both. buys(game) => buys(video) has support 40% and confidence 66% (4,000 / 6,000 = 0.667, which the book
     * truncates), but lift P(game and video) / (P(game) P(video)) = 0.40 / (0.60 x 0.75) = 0.89: games and videos
     * are negatively correlated, and a minimum lift of 1 drops the rule.
     */
    @Test
    void hanKamberPeiGamesAndVideosAreNegativelyCorrelated() {
        List<List<String>> transactions = new ArrayList<>();
        transactions.addAll(Collections.nCopies(4_000, List.of("game", "video")));
        transactions.addAll(Collections.nCopies(2_000, List.of("game")));
        transactions.addAll(Collections.nCopies(3_500, List.of("video")));
        transactions.addAll(Collections.nCopies(500, List.of("other")));
        Baskets baskets = Baskets.of(BasketUnit.ORDER, null, transactions);
        AssociationRule rule = rule(baskets, "video", "game");
        assertEquals(0.40, rule.support(), 1e-12);
        assertEquals(0.66, rule.confidence(), 0.01, "the published 66%");
        assertEquals(0.89, rule.lift(), 0.005, "the published 0.89");
        assertEquals(0.40 / (0.60 * 0.75), rule.lift(), 1e-12);
        List<AssociationRule> positive = AssociationRules.find(baskets, new RuleThresholds(0, 0, 1),
                TaskContext.silent());
        assertTrue(positive.stream().noneMatch(r -> names(baskets, r).contains("game")
                && baskets.product(r.consequent()).equals("video")), positive.toString());
    }

    @Test
    void rulesComeByLiftThenSupport() {
        List<AssociationRule> rules = AssociationRules.find(ALL_ELECTRONICS, EVERYTHING, TaskContext.silent());
        assertTrue(rules.size() > 20, "the example has many rules: " + rules.size());
        for (int k = 1; k < rules.size(); k++) {
            AssociationRule before = rules.get(k - 1);
            AssociationRule after = rules.get(k);
            assertTrue(before.lift() > after.lift() || before.lift() == after.lift()
                    && before.support() >= after.support(), before + " before " + after);
        }
    }

    /**
     * Every rule with one or two products before the arrow, counted basket by basket with sets, against the pruned
     * and bit-set counting of {@link AssociationRules#find}, on random baskets of skewed popularity and several
     * minimums (each of which bites on these baskets).
     */
    @ParameterizedTest
    @CsvSource(textBlock = """
            # seed, baskets, minSupport, minConfidence, minLift
            1,      300,     0,          0,             0
            2,      300,     0.02,       0.2,           1.1
            3,      1000,    0.05,       0,             0
            4,      130,     0.01,       0.5,           0
            5,      700,     0,          0,             1.5
            """)
    void findAgreesWithCountingEveryRuleByHand(long seed, int count, double minSupport, double minConfidence,
                                               double minLift) {
        Random random = new Random(seed);
        List<String> products = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i");
        List<List<String>> lists = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            List<String> basket = new ArrayList<>();
            for (int p = 0; p < products.size(); p++) {
                if (random.nextDouble() < 0.5 / (1 + p * 0.5)) {
                    basket.add(products.get(p));
                }
            }
            if (basket.contains("a") && random.nextDouble() < 0.5) {
                basket.add("b");
            }
            lists.add(basket);
        }
        Baskets baskets = Baskets.of(BasketUnit.ORDER, null, lists);
        RuleThresholds thresholds = new RuleThresholds(minSupport, minConfidence, minLift);
        Set<String> expected = new HashSet<>();
        Set<String> rejected = new HashSet<>();
        List<Set<String>> sets = lists.stream().map(l -> (Set<String>) new HashSet<>(l)).toList();
        for (int i = 0; i < products.size(); i++) {
            for (int j = i; j < products.size(); j++) {
                List<String> antecedent = i == j ? List.of(products.get(i)) : List.of(products.get(i), products.get(j));
                for (String then : products) {
                    if (antecedent.contains(then)) {
                        continue;
                    }
                    long withIf = sets.stream().filter(s -> s.containsAll(antecedent)).count();
                    long withThen = sets.stream().filter(s -> s.contains(then)).count();
                    long both = sets.stream().filter(s -> s.containsAll(antecedent) && s.contains(then)).count();
                    String name = String.join("+", antecedent) + "->" + then + " " + both + "/" + withIf + "/"
                            + withThen;
                    double support = (double) both / count;
                    double confidence = (double) both / withIf;
                    double lift = confidence / ((double) withThen / count);
                    if (both > 0 && support >= minSupport && confidence >= minConfidence && lift >= minLift) {
                        expected.add(name);
                    } else {
                        rejected.add(name);
                    }
                }
            }
        }
        Set<String> found = AssociationRules.find(baskets, thresholds, TaskContext.silent()).stream()
                .map(r -> describe(baskets, r) + " " + r.count() + "/" + r.antecedentCount() + "/" + r.consequentCount())
                .collect(Collectors.toSet());
        assertFalse(expected.isEmpty(), "some rules pass");
        if (minSupport + minConfidence + minLift > 0) {
            assertFalse(rejected.stream().allMatch(r -> r.contains(" 0/")), "the minimums reject some seen rules");
        }
        assertEquals(new java.util.TreeSet<>(expected), new java.util.TreeSet<>(found));
    }

    @Test
    void aRuleNeverSeenIsNoRuleEvenWithoutMinimums() {
        List<AssociationRule> rules = AssociationRules.find(TAN_STEINBACH_KUMAR, EVERYTHING, TaskContext.silent());
        assertTrue(rules.stream().allMatch(r -> r.count() >= 1));
        assertTrue(rules.stream().noneMatch(r -> describe(TAN_STEINBACH_KUMAR, r).equals("Eggs->Cola")),
                "Eggs and Cola are never bought together");
    }

    /** The rule {@code if -> then} among all rules of {@code baskets}. */
    static AssociationRule rule(Baskets baskets, String then, String... antecedent) {
        int[] wanted = Arrays.stream(antecedent).mapToInt(baskets::indexOf).sorted().toArray();
        return AssociationRules.find(baskets, EVERYTHING, TaskContext.silent()).stream()
                .filter(r -> Arrays.equals(r.antecedent(), wanted) && r.consequent() == baskets.indexOf(then))
                .findFirst().orElseThrow(() -> new AssertionError("no rule " + Arrays.toString(antecedent) + " -> "
                        + then));
    }

    private static List<String> names(Baskets baskets, AssociationRule rule) {
        return Arrays.stream(rule.antecedent()).mapToObj(baskets::product).toList();
    }

    /** "A->B" or "A+B->C", the antecedent's names in alphabetical order. */
    static String describe(Baskets baskets, AssociationRule rule) {
        return names(baskets, rule).stream().sorted().collect(Collectors.joining("+")) + "->"
                + baskets.product(rule.consequent());
    }
}
