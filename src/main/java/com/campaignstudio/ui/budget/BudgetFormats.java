package com.campaignstudio.ui.budget;

import com.campaignstudio.budget.BudgetGoal;
import com.campaignstudio.budget.Estimate;
import com.campaignstudio.ui.common.UiText;

import java.text.NumberFormat;

/**
 * How the Budget section writes its figures in the view's language: outcomes in yuan or as counts by goal, each
 * estimate with its 90% interval, and returns per yuan (a count outcome per ¥1,000, as one buyer per yuan is rare).
 */
public final class BudgetFormats {

    /** Yuan per unit a return of a count outcome is given for. */
    static final double COUNT_RETURN_PER = 1000;

    private final UiText text;

    public BudgetFormats(UiText text) {
        this.text = text;
    }

    public UiText text() {
        return text;
    }

    /** The goal's name inside a sentence: lower case in English ("52 weeks of revenue"). */
    public String goal(BudgetGoal goal) {
        String name = text.get(goal.key());
        return text.isChinese() ? name : name.toLowerCase(text.locale());
    }

    /** An outcome of {@code goal}: yuan for money, else a count (with a decimal while small). */
    public String outcome(BudgetGoal goal, double value) {
        if (goal.isMoney()) {
            return text.yuan(value);
        }
        return Math.abs(value) < 100 ? decimals(value, 1) : text.count(value);
    }

    public String outcome(BudgetGoal goal, Estimate estimate) {
        return interval(outcome(goal, estimate.value()), outcome(goal, estimate.low()), outcome(goal, estimate.high()));
    }

    /** How much a return is given per: ¥1 of spend for money, ¥1,000 for counts. */
    public static double returnPer(BudgetGoal goal) {
        return goal.isMoney() ? 1 : COUNT_RETURN_PER;
    }

    /** A return (outcome per yuan) as the view shows it: per {@link #returnPer} yuan, two decimals. */
    public String perYuan(BudgetGoal goal, double perYuan) {
        return decimals(perYuan * returnPer(goal), 2);
    }

    public String perYuan(BudgetGoal goal, Estimate estimate) {
        return interval(perYuan(goal, estimate.value()), perYuan(goal, estimate.low()), perYuan(goal, estimate.high()));
    }

    /** The unit of a return column's title: "per ¥1" or "buyers per ¥1,000". */
    public String returnUnit(BudgetGoal goal) {
        return goal.isMoney() ? text.get("budget.unit.perYuan")
                : text.get("budget.unit.perThousand", text.get(goal.key()));
    }

    public String interval(String value, String low, String high) {
        return text.get("budget.interval", value, low, high);
    }

    public String decimals(double value, int digits) {
        if (!Double.isFinite(value)) {
            return "\u2013";
        }
        NumberFormat format = NumberFormat.getNumberInstance(text.locale());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }
}
