package com.campaignstudio.ui.budget;

import com.campaignstudio.budget.BudgetOptimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The optimiser's typed inputs read into a budget and per-platform limits, or the message key of what cannot be read:
 * a budget that is not an amount, a limit that is neither an amount nor a percentage, a maximum below its minimum.
 */
public final class OptimiserInputs {

    /** What reading the inputs gives. */
    public sealed interface Outcome permits Read, Problem {
    }

    /** Inputs read: the budget for the period and each platform's limits on its spend for the period. */
    public record Read(double budget, List<BudgetOptimizer.Bounds> bounds) implements Outcome {
    }

    /** Inputs that cannot be read: the message key and the platform concerned (-1 for the budget). */
    public record Problem(String key, int platform) implements Outcome {
    }

    private OptimiserInputs() {
    }

    /**
     * @param current each platform's spend for the period at its recent rate, what "50%" is a share of
     */
    public static Outcome read(String budget, List<String> minimums, List<String> maximums, double[] current) {
        OptionalDouble total = SpendInput.amount(budget);
        if (total.isEmpty()) {
            return new Problem("budget.error.budgetAmount", -1);
        }
        List<BudgetOptimizer.Bounds> bounds = new ArrayList<>();
        for (int p = 0; p < current.length; p++) {
            OptionalDouble min = SpendInput.limit(minimums.get(p), current[p], 0);
            OptionalDouble max = SpendInput.limit(maximums.get(p), current[p], Double.POSITIVE_INFINITY);
            if (min.isEmpty() || max.isEmpty()) {
                return new Problem("budget.error.limitAmount", p);
            }
            if (max.getAsDouble() < min.getAsDouble()) {
                return new Problem("budget.error.maxBelowMin", p);
            }
            bounds.add(new BudgetOptimizer.Bounds(min.getAsDouble(), max.getAsDouble()));
        }
        return new Read(total.getAsDouble(), bounds);
    }
}
