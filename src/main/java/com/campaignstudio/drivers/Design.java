package com.campaignstudio.drivers;

import com.campaignstudio.stats.SymmetricSolver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The regression's columns built from a {@link DriverTable}: an intercept, one column per numeric input and one 0/1
 * column per level of a categorical input but its reference (the most common level). Columns are centred and scaled
 * (z-scores) for fitting, which keeps the information matrix well conditioned when views run into thousands; the
 * coefficients are transformed back to the inputs' own units afterwards.
 */
final class Design {

    /** A column below the intercept: a numeric input, or one level of a categorical input. */
    record Column(DriverInput input, String level) {
    }

    /**
     * Perfect collinearity: a column whose 1 - R² on the earlier columns is below this is a combination of them (a sum,
     * a copy, a level that coincides with another input's), up to rounding.
     */
    private static final double DEPENDENT = 1e-9;

    final List<DriverInput> inputs;
    final List<Column> columns;
    final Map<DriverInput, String> references;
    /** Row-major standardised predictors, the intercept (1) first. */
    final double[][] z;
    final double[] y;
    final double[] means;
    final double[] deviations;
    /** Variance inflation factor of each column (the intercept's NaN). */
    final double[] vif;
    final double[][] correlation;
    final int leftOut;

    private Design(List<DriverInput> inputs, List<Column> columns, Map<DriverInput, String> references, double[][] z,
                   double[] y, double[] means, double[] deviations, double[] vif, double[][] correlation, int leftOut) {
        this.inputs = inputs;
        this.columns = columns;
        this.references = references;
        this.z = z;
        this.y = y;
        this.means = means;
        this.deviations = deviations;
        this.vif = vif;
        this.correlation = correlation;
        this.leftOut = leftOut;
    }

    int rows() {
        return y.length;
    }

    /** Parameters, the intercept included. */
    int parameters() {
        return columns.size() + 1;
    }

    static Design of(DriverTable table, Outcome outcome, List<DriverInput> chosen) throws DriversException {
        if (table.size() == 0) {
            throw new DriversException("drivers.error.no.followers");
        }
        List<DriverInput> inputs = List.copyOf(new LinkedHashSet<>(chosen));
        if (inputs.isEmpty()) {
            throw new DriversException("drivers.error.no.inputs");
        }
        for (DriverInput input : inputs) {
            if (!table.inputs().contains(input)) {
                throw new DriversException(input == DriverInput.SEGMENT ? "drivers.error.no.segmentation"
                        : "drivers.error.missing", List.of(input));
            }
        }
        // Rows with an unknown value (no follow date, so no tenure; outside the saved segmentation, so no segment)
        // are left out.
        List<Integer> kept = new ArrayList<>();
        for (int row = 0; row < table.size(); row++) {
            boolean known = true;
            for (DriverInput input : inputs) {
                if (input.categorical() ? table.categories().get(input)[row] == null
                        : !Double.isFinite(table.numbers().get(input)[row])) {
                    known = false;
                }
            }
            if (known) {
                kept.add(row);
            }
        }
        int n = kept.size();
        if (n == 0) {
            throw new DriversException("drivers.error.no.rows");
        }
        List<Column> columns = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        Map<DriverInput, String> references = new EnumMap<>(DriverInput.class);
        for (DriverInput input : inputs) {
            if (input.categorical()) {
                String[] levels = table.categories().get(input);
                Map<String, Integer> counts = new LinkedHashMap<>();
                for (int row : kept) {
                    counts.merge(levels[row], 1, Integer::sum);
                }
                if (counts.size() < 2) {
                    throw new DriversException("drivers.error.constant", List.of(input));
                }
                List<String> byFrequency = counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                                .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
                        .map(Map.Entry::getKey).toList();
                references.put(input, byFrequency.getFirst());
                for (String level : byFrequency.subList(1, byFrequency.size())) {
                    double[] column = new double[n];
                    for (int i = 0; i < n; i++) {
                        column[i] = level.equals(levels[kept.get(i)]) ? 1 : 0;
                    }
                    columns.add(new Column(input, level));
                    values.add(column);
                }
            } else {
                double[] source = table.numbers().get(input);
                double[] column = new double[n];
                for (int i = 0; i < n; i++) {
                    column[i] = source[kept.get(i)];
                }
                columns.add(new Column(input, null));
                values.add(column);
            }
        }
        int k = columns.size();
        double[] means = new double[k + 1];
        double[] deviations = new double[k + 1];
        means[0] = Double.NaN;
        deviations[0] = Double.NaN;
        for (int j = 0; j < k; j++) {
            double[] column = values.get(j);
            double mean = 0;
            for (double v : column) {
                mean += v;
            }
            mean /= n;
            double squares = 0;
            for (double v : column) {
                squares += (v - mean) * (v - mean);
            }
            double deviation = Math.sqrt(squares / n);
            if (!(deviation > 1e-12 * Math.max(1, Math.abs(mean)))) {
                throw new DriversException("drivers.error.constant", List.of(columns.get(j).input()));
            }
            means[j + 1] = mean;
            deviations[j + 1] = deviation;
        }
        double[][] z = new double[n][k + 1];
        for (int i = 0; i < n; i++) {
            z[i][0] = 1;
            for (int j = 0; j < k; j++) {
                z[i][j + 1] = (values.get(j)[i] - means[j + 1]) / deviations[j + 1];
            }
        }
        double[][] correlation = new double[k][k];
        for (int i = 0; i < n; i++) {
            double[] row = z[i];
            for (int a = 0; a < k; a++) {
                for (int b = 0; b <= a; b++) {
                    correlation[a][b] += row[a + 1] * row[b + 1];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b <= a; b++) {
                correlation[a][b] /= n;
                correlation[b][a] = correlation[a][b];
            }
        }
        int dependent = SymmetricSolver.firstDependentColumn(correlation, DEPENDENT);
        if (dependent >= 0) {
            throw new DriversException("drivers.error.collinear", List.of(columns.get(dependent).input()));
        }
        double[][] inverse = SymmetricSolver.inverse(correlation);
        if (inverse == null) {
            throw new DriversException("drivers.error.collinear", List.of(columns.getLast().input()));
        }
        double[] vif = new double[k + 1];
        vif[0] = Double.NaN;
        for (int j = 0; j < k; j++) {
            vif[j + 1] = inverse[j][j];
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = table.outcome(outcome, kept.get(i));
        }
        return new Design(inputs, List.copyOf(columns), references, z, y, means, deviations, vif, correlation,
                table.size() - n);
    }

    /** The input of another column that moves most closely with column {@code j} (1-based, as in {@link #z}). */
    DriverInput closestPartner(int j) {
        DriverInput own = columns.get(j - 1).input();
        DriverInput partner = null;
        double strongest = -1;
        for (int other = 0; other < columns.size(); other++) {
            if (columns.get(other).input() != own && Math.abs(correlation[j - 1][other]) > strongest) {
                strongest = Math.abs(correlation[j - 1][other]);
                partner = columns.get(other).input();
            }
        }
        return partner;
    }
}
