package com.campaignstudio.forecast;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The grid search finds known minima inside its box and on its edge. */
class GridSearchTest {

    @Test
    void findsAnInteriorMinimumInThreeDimensions() {
        double[] best = GridSearch.minimise(p -> Math.pow(p[0] - 0.37, 2) + 2 * Math.pow(p[1] - 0.81, 2)
                + 3 * Math.pow(p[2] - 0.9, 2), new double[]{0, 0, 0.8}, new double[]{1, 1, 0.98});
        assertArrayEquals(new double[]{0.37, 0.81, 0.9}, best, 0.002);
    }

    @Test
    void aMinimumOutsideTheBoxEndsOnItsEdge() {
        assertArrayEquals(new double[]{1, 0.01}, GridSearch.minimise(p -> Math.pow(p[0] - 1.5, 2) + Math.pow(p[1] + 1, 2),
                new double[]{0.01, 0.01}, new double[]{1, 1}), 1e-12);
    }

    @Test
    void theLowerOfTwoValleysIsFound() {
        // A descent from 0.3 would stop at the shallower valley at 0.2; the global minimum is at 0.8.
        double[] best = GridSearch.minimise(p -> Math.min(Math.pow(p[0] - 0.2, 2) + 0.01, Math.pow(p[0] - 0.8, 2)),
                new double[]{0}, new double[]{1});
        assertArrayEquals(new double[]{0.8}, best, 0.001);
    }
}
