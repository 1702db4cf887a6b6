package com.campaignstudio.ltv;

import com.campaignstudio.snapshot.Period;

import java.util.Optional;

/**
 * What the fitted lifetime-value models expect a new customer to have spent, in total, some time after their first
 * purchase: the first purchase and the E[X(t)] repeats BG/NBD expects by then (domain.md section 5), each at the
 * Gamma-Gamma model's mean order value E[M] = p gamma / (q - 1). It is drawn over revenue retention, the cumulative
 * revenue per member of purchase cohorts, which counts the first purchase too.
 *
 * @param purchases  the fitted purchase model, in {@code unit}s
 * @param orderValue the mean value of a purchase occasion (the orders of a customer's day)
 * @param unit       the time unit the purchase model was fitted in
 */
public record ExpectedRevenueCurve(BgNbd purchases, double orderValue, PeriodUnit unit) {

    /** Days in a week and in an average month, the retention periods. */
    private static final double WEEK_DAYS = 7;
    private static final double MONTH_DAYS = 365.25 / 12;

    public ExpectedRevenueCurve {
        if (!(orderValue > 0) || !Double.isFinite(orderValue)) {
            throw new IllegalArgumentException("a mean order value is positive and finite: " + orderValue);
        }
    }

    /**
     * The curve of a lifetime-value run; empty when it has no spend model (nobody bought twice) or the spend model's
     * mean is infinite (q at most 1).
     */
    public static Optional<ExpectedRevenueCurve> of(LtvResult result) {
        FittedModel spend = result.gammaGamma();
        if (spend == null || spend.value("q") <= 1) {
            return Optional.empty();
        }
        FittedModel bg = result.bgNbd();
        GammaGamma gg = new GammaGamma(spend.value("p"), spend.value("q"), spend.value("gamma"));
        return Optional.of(new ExpectedRevenueCurve(new BgNbd(bg.value("r"), bg.value("alpha"), bg.value("a"),
                bg.value("b")), gg.populationMean(), result.settings().unit()));
    }

    /** Expected revenue of a new customer in their first {@code days} days: (1 + E[X(t)]) E[M], t in the model's unit. */
    public double afterDays(double days) {
        if (days < 0) {
            throw new IllegalArgumentException("days after the first purchase: " + days);
        }
        return (1 + purchases.expectedPurchasesOfNewCustomer(days / unit.days())) * orderValue;
    }

    /**
     * Expected cumulative revenue per member of a purchase cohort {@code offset} periods after the cohort's own (0 = its
     * own period), as revenue retention counts it: up to the end of that period. Members' first purchases fall anywhere
     * in the cohort's period, half a period before its end on average, so the time is offset + 1/2 periods (a week of 7
     * days, a month of 365.25 / 12).
     */
    public double atOffset(int offset, Period period) {
        if (offset < 0) {
            throw new IllegalArgumentException("periods after the cohort's own: " + offset);
        }
        return afterDays((offset + 0.5) * (period == Period.MONTH ? MONTH_DAYS : WEEK_DAYS));
    }
}
