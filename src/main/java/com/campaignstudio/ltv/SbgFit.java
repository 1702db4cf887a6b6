package com.campaignstudio.ltv;

import java.util.List;

/** Fits the shifted-beta-geometric model to survival counts by maximum likelihood. */
public final class SbgFit {

    private SbgFit() {
    }

    /** {@code alive[0]} subscribers at the start, {@code alive[t]} still subscribed after t renewals. */
    public static ShiftedBetaGeometric fit(long[] alive) {
        LogSpaceFit.Result result = LogSpaceFit.fit((theta, gradient) -> {
            double value = -new ShiftedBetaGeometric(theta[0], theta[1]).logLikelihood(alive);
            for (int k = 0; k < 2; k++) {
                double step = 1e-6 * theta[k];
                double[] plus = theta.clone();
                double[] minus = theta.clone();
                plus[k] += step;
                minus[k] -= step;
                gradient[k] = (new ShiftedBetaGeometric(minus[0], minus[1]).logLikelihood(alive)
                        - new ShiftedBetaGeometric(plus[0], plus[1]).logLikelihood(alive)) / (2 * step);
            }
            return value;
        }, List.of(new double[]{1, 1}, new double[]{0.5, 3}, new double[]{2, 8}));
        return result == null ? null : new ShiftedBetaGeometric(result.theta()[0], result.theta()[1]);
    }
}
