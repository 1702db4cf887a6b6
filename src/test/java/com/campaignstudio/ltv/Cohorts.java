package com.campaignstudio.ltv;

import java.time.LocalDate;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** Generated cohorts with known parameters, for tests of the lifetime-value models. */
final class Cohorts {

    static final LocalDate START = LocalDate.of(2024, 1, 1);
    static final int DAYS = 548;
    private static final int MAX_ORDERS = 200;

    private Cohorts() {
    }

    /** Customers arriving over the first year, buying by BG/NBD (rates per week) until dropout or the end. */
    static SummaryReader.Orders generate(int customers, double r, double alpha,
                                        ToDoubleFunction<Random> dropoutProbability, Random random) {
        return generate(customers, r, alpha, dropoutProbability, Cohorts::shopSpending, random);
    }

    /** As {@link #generate(int, double, double, ToDoubleFunction, Random)}, each customer's order values from {@code spending}. */
    static SummaryReader.Orders generate(int customers, double r, double alpha,
                                        ToDoubleFunction<Random> dropoutProbability,
                                        Function<Random, DoubleSupplier> spending, Random random) {
        SummaryReader.Orders orders = new SummaryReader.Orders(customers * 4);
        for (int c = 0; c < customers; c++) {
            String ref = "c" + c;
            double rate = gamma(r, random) / alpha / 7;
            double dropout = dropoutProbability.applyAsDouble(random);
            DoubleSupplier orderValue = spending.apply(random);
            int first = random.nextInt(365);
            double t = first;
            orders.add(ref, (int) (START.toEpochDay() + first), orderValue.getAsDouble(), 1, 0);
            // BG/NBD's customer can leave only after a repeat purchase, never right after the first one.
            for (int repeat = 0; repeat < MAX_ORDERS; repeat++) {
                t += -Math.log(1 - random.nextDouble()) / Math.max(rate, 1e-12);
                if (t >= DAYS) {
                    break;
                }
                orders.add(ref, (int) (START.toEpochDay() + (long) t), orderValue.getAsDouble(), 1, 0);
                if (random.nextDouble() < dropout) {
                    break;
                }
            }
        }
        return orders;
    }

    /** A customer's own typical order, each order half to one and a half times it. */
    private static DoubleSupplier shopSpending(Random random) {
        double typical = 20 + gamma(2, random) * 50;
        return () -> typical * (0.5 + random.nextDouble());
    }

    /**
     * Gamma-Gamma spending: the customer's rate nu ~ gamma(q, scale 1 / gamma), each order ~ gamma(p, scale 1 / nu),
     * so that order values average p / nu and, over customers, p gamma / (q - 1).
     */
    static Function<Random, DoubleSupplier> gammaGammaSpending(double p, double q, double scale) {
        return random -> {
            double nu = gamma(q, random) / scale;
            return () -> gamma(p, random) / nu;
        };
    }

    /** Marsaglia and Tsang, with the boost for shapes below one. */
    static double gamma(double shape, Random random) {
        if (shape < 1) {
            return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = Math.pow(1 + c * x, 3);
            if (v > 0 && Math.log(random.nextDouble()) < x * x / 2 + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    static double beta(double a, double b, Random random) {
        double x = gamma(a, random);
        return x / (x + gamma(b, random));
    }
}
