package com.campaignstudio.segments;

/**
 * A grouping of the rows of a feature matrix.
 *
 * @param k          the number of groups
 * @param assignment each row's group, 0..k-1
 * @param centers    each group's centre in the matrix's (transformed) space
 * @param distortion the sum of squared distances of rows to their centres
 */
public record Clusters(int k, int[] assignment, double[][] centers, double distortion) {

    /** Groups renumbered so that {@code order[0]} becomes group 0, {@code order[1]} group 1, and so on. */
    public Clusters reordered(int[] order) {
        int[] newIndex = new int[k];
        for (int position = 0; position < k; position++) {
            newIndex[order[position]] = position;
        }
        int[] assigned = new int[assignment.length];
        for (int i = 0; i < assigned.length; i++) {
            assigned[i] = newIndex[assignment[i]];
        }
        double[][] moved = new double[k][];
        for (int group = 0; group < k; group++) {
            moved[newIndex[group]] = centers[group];
        }
        return new Clusters(k, assigned, moved, distortion);
    }
}
