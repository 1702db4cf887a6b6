package com.campaignstudio.basket;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of "products bought together": the baskets, the rules that reach the minimums, the similarity of products
 * over customers, and notes on what was left out. A pitch is made from the result ({@link #pitch}).
 *
 * @param baskets    the baskets the rules come from (by customer or by order, as the settings say)
 * @param customers  the baskets by customer, for similarity and pitches (the same object when rules are by customer)
 * @param rules      every rule that reaches the minimums, best first
 * @param similarity cosine similarity of products over {@code customers}
 * @param notes      what was left out, and a hint when no rule reaches the minimums
 */
public record BasketAnalysis(BasketSettings settings, Baskets baskets, Baskets customers,
                             List<AssociationRule> rules, ItemSimilarity similarity, List<Reason> notes) {

    public BasketAnalysis {
        rules = List.copyOf(rules);
        notes = List.copyOf(notes);
    }

    /** Reads the project's paid orders and analyses them. */
    public static BasketAnalysis run(ProjectDatabase database, BasketSettings settings, TaskContext context)
            throws SQLException, BasketException {
        return run(new PurchaseReader(database).read(context), settings, context);
    }

    /** Analyses purchases already read; fails when there is no basket to look at. */
    public static BasketAnalysis run(Purchases purchases, BasketSettings settings, TaskContext context)
            throws BasketException {
        Baskets customers = purchases.byCustomer();
        Baskets baskets = settings.unit() == BasketUnit.CUSTOMER ? customers : purchases.byOrder();
        if (baskets.size() == 0) {
            LeftOut out = baskets.leftOut();
            throw new BasketException(settings.unit() == BasketUnit.CUSTOMER
                    ? Reason.of("basket.error.noCustomerBaskets", out.refunds(), out.guestOrders(), out.withoutProduct())
                    : Reason.of("basket.error.noOrderBaskets", out.refunds(), out.withoutProduct()));
        }
        PairCounts counts = PairCounts.of(baskets, context);
        List<AssociationRule> rules = AssociationRules.find(baskets, counts, settings.thresholds(), 2, context);
        ItemSimilarity similarity = ItemSimilarity.of(customers,
                baskets == customers ? counts : PairCounts.of(customers, context));
        List<Reason> notes = new ArrayList<>(baskets.leftOut().notes());
        if (rules.isEmpty()) {
            RuleThresholds t = settings.thresholds();
            notes.add(Reason.of("basket.note.noRules", plain(t.minSupport()), plain(t.minConfidence()),
                    plain(t.minLift())));
        }
        return new BasketAnalysis(settings, baskets, customers, rules, similarity, notes);
    }

    /** A number as the user typed it: 1 rather than 1.0, 0.01 rather than 1.0E-2. */
    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A pitch to customers scored as {@code score} says, from these rules or this similarity. */
    public Pitch pitch(Pitch.Score score) throws BasketException {
        if (customers.size() == 0) {
            LeftOut out = customers.leftOut();
            throw new BasketException(Reason.of("basket.error.noCustomerBaskets", out.refunds(), out.guestOrders(),
                    out.withoutProduct()));
        }
        return score == Pitch.Score.CONFIDENCE ? Pitch.byConfidence(customers, rules)
                : Pitch.byCosine(customers, similarity, settings.thresholds().minSupport());
    }
}
