package com.campaignstudio.ltv;

import java.util.List;

/**
 * A fitted model: named parameters with standard errors, the log-likelihood and whether the optimiser
 * reached a maximum.
 *
 * @param names          parameter names as in domain.md (r, alpha, a, b; p, q, gamma)
 * @param values         estimates
 * @param standardErrors standard errors (NaN when the Hessian was singular)
 * @param logLikelihood  the maximised log-likelihood
 * @param converged      whether the gradient vanished at the estimate
 * @param customers      how many customers the fit used
 * @param identified     per parameter, whether the data pin it down (see {@link LogSpaceFit.Result#identified})
 */
public record FittedModel(List<String> names, double[] values, double[] standardErrors, double[][] logCovariance,
                          double logLikelihood, boolean converged, long customers, boolean[] identified) {

    static FittedModel of(List<String> names, LogSpaceFit.Result fit, boolean converged, long customers) {
        boolean[] identified = new boolean[names.size()];
        for (int i = 0; i < identified.length; i++) {
            identified[i] = fit.identified(i);
        }
        return new FittedModel(names, fit.theta(), fit.standardErrors(), fit.logCovariance(), fit.logLikelihood(),
                converged, customers, identified);
    }

    public boolean identified(String name) {
        return identified[names.indexOf(name)];
    }

    public double value(String name) {
        return values[names.indexOf(name)];
    }
}
