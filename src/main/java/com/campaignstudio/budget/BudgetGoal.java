package com.campaignstudio.budget;

import java.util.Locale;

/** What a week's outcome counts, the quantity the response curves and the optimiser work in. */
public enum BudgetGoal {
    /** Paid order revenue of the week (guest orders included, refunds not). */
    REVENUE,
    /** Buyers acquired: customers whose first paid order falls in the week, and guest orders. */
    BUYERS,
    /** Registration events of the week. */
    REGISTRATIONS,
    /**
     * The lifetime value of the buyers acquired in the week: their first orders plus, per buyer, the repeat value
     * the lifetime-value model expects of a new customer over its horizon (undiscounted: the yuan a buyer is
     * expected to pay, as revenue counts them).
     */
    LTV;

    public String key() {
        return "budget.goal." + name().toLowerCase(Locale.ROOT);
    }

    /** Whether the outcome is money, so that ROI (outcome per yuan) means return on spend. */
    public boolean isMoney() {
        return this == REVENUE || this == LTV;
    }

    public static BudgetGoal parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
