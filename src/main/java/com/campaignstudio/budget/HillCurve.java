package com.campaignstudio.budget;

/**
 * A response to spend with saturation (domain.md §7): f(x) = β·x^α / (x^α + κ^α). β is the most it can bring, κ the
 * spend that brings half of it, α the shape: α ≤ 1 is concave from the first yuan, α > 1 is S-shaped (little at
 * first, then a steep part, then saturation) with its inflection at κ·((α − 1)/(α + 1))^(1/α).
 */
public record HillCurve(double beta, double alpha, double kappa) {

    public HillCurve {
        if (!(beta >= 0) || !(alpha > 0) || !(kappa > 0) || Double.isInfinite(beta) || Double.isInfinite(kappa)) {
            throw new IllegalArgumentException("Hill curve beta " + beta + ", alpha " + alpha + ", kappa " + kappa);
        }
    }

    public double value(double spend) {
        if (spend <= 0) {
            return 0;
        }
        double ratio = Math.pow(kappa / spend, alpha);
        return beta / (1 + ratio);
    }

    /** f'(x) = β·α·κ^α·x^(α−1) / (x^α + κ^α)², the return of the next yuan. */
    public double marginal(double spend) {
        if (beta == 0) {
            return 0;
        }
        if (spend <= 0) {
            return alpha < 1 ? Double.POSITIVE_INFINITY : alpha == 1 ? beta / kappa : 0;
        }
        double ratio = Math.pow(kappa / spend, alpha);
        return beta * alpha * ratio / (spend * (1 + ratio) * (1 + ratio));
    }

    /** Where the marginal return is highest: 0 for a concave curve, the inflection of an S-shaped one. */
    public double inflection() {
        return alpha <= 1 ? 0 : kappa * Math.pow((alpha - 1) / (alpha + 1), 1 / alpha);
    }

    /** The spend that brings {@code outcome} (below β), the inverse of {@link #value}. */
    public double spendFor(double outcome) {
        if (outcome <= 0) {
            return 0;
        }
        if (outcome >= beta) {
            return Double.POSITIVE_INFINITY;
        }
        return kappa * Math.pow(outcome / (beta - outcome), 1 / alpha);
    }
}
