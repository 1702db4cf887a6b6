package com.campaignstudio.forecast;

import java.util.function.ToDoubleFunction;

/**
 * Minimises a function of one to three bounded parameters (smoothing weights): a coarse grid over the whole box,
 * then {@value #REFINEMENTS} rounds that each halve the spacing and try the neighbours of the best point so far
 * (a compass search). The coarse grid guards against the local minima a descent from one start could settle in;
 * the refinements give the last digits, to 1/256 of the coarse spacing.
 */
final class GridSearch {

    static final int REFINEMENTS = 8;

    private GridSearch() {
    }

    static double[] minimise(ToDoubleFunction<double[]> objective, double[] lower, double[] upper) {
        int dimensions = lower.length;
        int points = switch (dimensions) {
            case 1 -> 21;
            case 2 -> 11;
            default -> 7;
        };
        double[] step = new double[dimensions];
        for (int d = 0; d < dimensions; d++) {
            step[d] = (upper[d] - lower[d]) / (points - 1);
        }
        Best best = new Best();
        int[] index = new int[dimensions];
        do {
            double[] point = new double[dimensions];
            for (int d = 0; d < dimensions; d++) {
                point[d] = lower[d] + index[d] * step[d];
            }
            best.consider(point, objective);
        } while (next(index, points));
        for (int round = 0; round < REFINEMENTS; round++) {
            for (int d = 0; d < dimensions; d++) {
                step[d] /= 2;
            }
            double[] centre = best.point.clone();
            index = new int[dimensions];
            do {
                double[] point = new double[dimensions];
                for (int d = 0; d < dimensions; d++) {
                    point[d] = Math.clamp(centre[d] + (index[d] - 1) * step[d], lower[d], upper[d]);
                }
                best.consider(point, objective);
            } while (next(index, 3));
        }
        if (best.point == null) {
            throw new IllegalStateException("the objective is not finite anywhere on the grid");
        }
        return best.point;
    }

    /** The lowest point seen; the first of equals, so that the search is deterministic. */
    private static final class Best {
        private double[] point;
        private double value = Double.POSITIVE_INFINITY;

        void consider(double[] candidate, ToDoubleFunction<double[]> objective) {
            double candidateValue = objective.applyAsDouble(candidate);
            if (candidateValue < value) {
                value = candidateValue;
                point = candidate;
            }
        }
    }

    /** Advances a grid index like an odometer; false after the last point. */
    private static boolean next(int[] index, int points) {
        for (int d = 0; d < index.length; d++) {
            if (++index[d] < points) {
                return true;
            }
            index[d] = 0;
        }
        return false;
    }
}
