package com.campaignstudio.budget;

/**
 * A response curve the user sets by hand where history is thin: "at ¥1,000 a week Douyin brought about 30 buyers;
 * doubling brings about 40". Two points fix a concave Hill curve (α = 1, no carry-over): with y = β·s / (s + κ),
 * y₁(s₁ + κ)/s₁ = y₂(s₂ + κ)/s₂ gives κ = s₁s₂(y₂ − y₁) / (y₁s₂ − y₂s₁) and then β = y₁(s₁ + κ)/s₁.
 */
public final class HandCurve {

    private HandCurve() {
    }

    /**
     * The weekly curve through (spend1, outcome1) and (spend2, outcome2), spend1 below spend2. Refused when the
     * outcome does not grow with spend, or grows as fast as spend or faster (a curve that never saturates: the
     * optimiser would pour the whole budget into it).
     */
    public static HillCurve through(double spend1, double outcome1, double spend2, double outcome2) {
        if (!(spend1 > 0) || !(spend2 > spend1) || !(outcome1 > 0) || !(outcome2 > outcome1)) {
            throw new BudgetFitException("budget.error.handPoints");
        }
        double denominator = outcome1 * spend2 - outcome2 * spend1;
        if (!(denominator > 0)) {
            throw new BudgetFitException("budget.error.neverSaturates");
        }
        double kappa = spend1 * spend2 * (outcome2 - outcome1) / denominator;
        return new HillCurve(outcome1 * (spend1 + kappa) / spend1, 1, kappa);
    }
}
