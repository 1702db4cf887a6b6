package com.campaignstudio.budget;

/** The platforms' minimum spends add up to more than the budget. */
public final class InfeasibleBudgetException extends IllegalArgumentException {

    private final double minimums;
    private final double budget;

    InfeasibleBudgetException(String message, double minimums, double budget) {
        super(message);
        this.minimums = minimums;
        this.budget = budget;
    }

    public double minimums() {
        return minimums;
    }

    public double budget() {
        return budget;
    }
}
