package com.campaignstudio.drivers;

import java.util.List;
import java.util.Map;

/**
 * A fitted drivers regression.
 *
 * @param outcome     what was explained (and so the model)
 * @param inputs      the inputs, as chosen
 * @param rows        followers in the fit
 * @param leftOut     followers left out for an unknown value of a chosen input
 * @param buyers      followers with a paid order among {@code rows}
 * @param meanOutcome the share who bought, or the mean orders per follower
 * @param intercept   the intercept (log-odds, or orders, of a follower with every input at zero and every category
 *                    at its reference)
 * @param terms       one per column, in the order of {@code inputs}
 * @param references  per categorical input, the level the others are compared with
 * @param fit         R² for linear; McFadden's pseudo-R² (1 - deviance / null deviance) for logistic
 * @param iterations  Newton steps taken (0 for linear)
 * @param warnings    collinear inputs and small samples, most serious first
 */
public record DriversResult(Outcome outcome, List<DriverInput> inputs, int rows, int leftOut, long buyers,
                            double meanOutcome, double intercept, List<Term> terms,
                            Map<DriverInput, String> references, double fit, int iterations,
                            List<DriverMessage> warnings) {

    public DriversResult {
        inputs = List.copyOf(inputs);
        terms = List.copyOf(terms);
        references = Map.copyOf(references);
        warnings = List.copyOf(warnings);
    }

    /** The parameters, the intercept included. */
    public int parameters() {
        return terms.size() + 1;
    }
}
