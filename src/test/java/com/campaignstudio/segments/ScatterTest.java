package com.campaignstudio.segments;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The 2-D picture against principal components worked out by hand. */
class ScatterTest {

    /**
     * Six points along the axes, centred: sums of squares 18 (x), 2 (y), 0.5 (z), so the first component is x,
     * the second y, and the two explain 20 / 20.5 of the variance.
     */
    @Test
    void theTwoLargestComponentsAreDrawn() {
        double[][] values = {{3, 0, 0}, {-3, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 0.5}, {0, 0, -0.5}};
        Scatter scatter = Scatter.of(matrix(values), new Clusters(3, new int[]{0, 0, 1, 1, 2, 2}, null, 0), 1);
        assertArrayEquals(new double[]{3, 3, 0, 0, 0, 0}, abs(scatter.x()), 1e-9);
        assertEquals(-scatter.x()[0], scatter.x()[1], 1e-9);
        assertArrayEquals(new double[]{0, 0, 1, 1, 0, 0}, abs(scatter.y()), 1e-9);
        assertEquals(-scatter.y()[2], scatter.y()[3], 1e-9);
        assertArrayEquals(new int[]{0, 0, 1, 1, 2, 2}, scatter.segment());
        assertEquals(20 / 20.5, scatter.explainedShare(), 1e-9);
    }

    /** Two columns and three rows are enough for components: x spread 4, y spread 3 (sample variances). */
    @Test
    void twoColumnsAndThreeRowsAreProjected() {
        double[][] values = {{2, 1}, {-2, 1}, {0, -2}};
        Scatter scatter = Scatter.of(matrix(values), new Clusters(2, new int[]{1, 0, 1}, null, 0), 1);
        assertArrayEquals(new double[]{2, 2, 0}, abs(scatter.x()), 1e-9);
        assertArrayEquals(new double[]{1, 1, 2}, abs(scatter.y()), 1e-9, "the second component, not zeros");
        assertEquals(scatter.y()[0], scatter.y()[1], 1e-9);
        assertEquals(-2 * scatter.y()[0], scatter.y()[2], 1e-9);
        assertArrayEquals(new int[]{1, 0, 1}, scatter.segment());
        assertEquals(1, scatter.explainedShare(), 1e-9);
    }

    @Test
    void oneColumnOrTwoRowsAreDrawnAsTheyAre() {
        Scatter line = Scatter.of(matrix(new double[][]{{1.5}, {-2}, {0.25}, {4}}),
                new Clusters(2, new int[]{0, 1, 1, 0}, null, 0), 1);
        assertArrayEquals(new double[]{1.5, -2, 0.25, 4}, line.x());
        assertArrayEquals(new double[4], line.y());
        assertArrayEquals(new int[]{0, 1, 1, 0}, line.segment());
        assertEquals(1, line.explainedShare());

        Scatter two = Scatter.of(matrix(new double[][]{{7, 1, 2}, {-1, 3, 4}}), new Clusters(2, new int[]{1, 0}, null, 0), 1);
        assertArrayEquals(new double[]{7, -1}, two.x());
        assertArrayEquals(new double[2], two.y());
    }

    /** A large population is drawn from a sample of 3,000 followers, each point keeping its segment. */
    @Test
    void aLargePopulationIsSampled() {
        int n = 3_500;
        double[][] values = new double[n][];
        int[] assignment = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = new double[]{i % 17, (i * 7) % 13};
            assignment[i] = i % 5;
        }
        Scatter scatter = Scatter.of(matrix(values), new Clusters(5, assignment, null, 0), 99);
        int[] rows = Samples.indices(n, Scatter.POINTS, 99);
        assertEquals(Scatter.POINTS, scatter.x().length);
        assertEquals(Scatter.POINTS, scatter.y().length);
        for (int i = 0; i < rows.length; i++) {
            assertEquals(rows[i] % 5, scatter.segment()[i], "point " + i);
        }
    }

    private static FeatureMatrix matrix(double[][] values) {
        int d = values[0].length;
        List<String> columns = java.util.stream.IntStream.range(0, d).mapToObj(j -> "c" + j).toList();
        return new FeatureMatrix(columns, java.util.Collections.nCopies(d, Feature.VIEWS), values, new double[d],
                new double[d], List.of());
    }

    private static double[] abs(double[] values) {
        return java.util.Arrays.stream(values).map(Math::abs).toArray();
    }
}
