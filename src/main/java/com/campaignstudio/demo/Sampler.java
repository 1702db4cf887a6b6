package com.campaignstudio.demo;

import java.util.SplittableRandom;

/**
 * The random draws the generator needs, from one seeded source so that a seed always gives the same
 * project. Gamma by Marsaglia and Tsang (2000), "A simple method for generating gamma variables".
 */
final class Sampler {

    private final SplittableRandom random;

    Sampler(long seed) {
        this.random = new SplittableRandom(seed);
    }

    double uniform() {
        return random.nextDouble();
    }

    int uniformInt(int bound) {
        return random.nextInt(bound);
    }

    boolean bernoulli(double p) {
        return random.nextDouble() < p;
    }

    double normal() {
        // Box-Muller; one of the pair is enough here.
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }

    double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * normal());
    }

    double exponential(double rate) {
        return -Math.log(1.0 - random.nextDouble()) / rate;
    }

    /** Gamma with the given shape and rate (mean shape / rate). */
    double gamma(double shape, double rate) {
        if (shape < 1.0) {
            return gamma(shape + 1.0, rate) * Math.pow(random.nextDouble(), 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = normal();
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v / rate;
            }
        }
    }

    double beta(double a, double b) {
        double x = gamma(a, 1.0);
        return x / (x + gamma(b, 1.0));
    }

    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    /** Binomial draw, by normal approximation when the expected counts are large. */
    long binomial(long n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        double mean = n * p;
        if (n > 50 && mean > 10 && n * (1 - p) > 10) {
            long draw = Math.round(mean + Math.sqrt(mean * (1 - p)) * normal());
            return Math.max(0, Math.min(n, draw));
        }
        if (n > 2000) {
            return Math.min(n, poisson(mean));
        }
        long k = 0;
        for (long i = 0; i < n; i++) {
            if (random.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }

    /** Index drawn with probability proportional to {@code weights}. */
    int categorical(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double target = random.nextDouble() * total;
        double cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            if (target < cumulative) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
