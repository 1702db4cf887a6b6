package com.campaignstudio.ui.budget;

import com.campaignstudio.budget.BudgetAnalysis;
import com.campaignstudio.budget.Estimate;

import java.util.Arrays;

/**
 * A platform's steady weekly response drawn as the chart shows it: the expected outcome and its 90% band at evenly
 * spaced weekly spends from 0 to {@link #REACH} times the highest weekly spend in the history.
 */
public record CurvePoints(double[] spend, double[] value, double[] low, double[] high) {

    /** How far past the spends seen the curve is drawn: far enough to see where it flattens, or not. */
    public static final double REACH = 2;

    public static CurvePoints of(BudgetAnalysis analysis, int p, int points) {
        double highest = Arrays.stream(analysis.history().spend()[p]).max().orElse(0);
        double top = highest > 0 ? REACH * highest : 1;
        double[] spend = new double[points];
        double[] value = new double[points];
        double[] low = new double[points];
        double[] high = new double[points];
        for (int i = 0; i < points; i++) {
            spend[i] = top * i / (points - 1);
            Estimate response = analysis.weeklyResponse(p, spend[i]);
            value[i] = response.value();
            low[i] = response.low();
            high[i] = response.high();
        }
        return new CurvePoints(spend, value, low, high);
    }
}
