package com.campaignstudio.stats;

/**
 * Cholesky factorisation of the small symmetric matrices a regression needs (a dozen or two parameters): plain Java
 * rather than Smile's LAPACK binding, so that drivers and the budget fit also run where OpenBLAS is missing (decision note 0003) and the
 * pivot that reveals a column dependent on the earlier ones is in view.
 */
public final class SymmetricSolver {

    private SymmetricSolver() {
    }

    /**
     * The first column whose Cholesky pivot is at most {@code tolerance} times its diagonal entry, that is whose share
     * of variance not explained by the earlier columns is that small; -1 when there is none. For a correlation
     * matrix the pivot ratio is 1 - R² of the column on the earlier ones.
     */
    public static int firstDependentColumn(double[][] a, double tolerance) {
        int n = a.length;
        double[][] lower = new double[n][n];
        for (int j = 0; j < n; j++) {
            double pivot = a[j][j];
            for (int k = 0; k < j; k++) {
                pivot -= lower[j][k] * lower[j][k];
            }
            if (!(pivot > tolerance * a[j][j])) {
                return j;
            }
            lower[j][j] = Math.sqrt(pivot);
            for (int i = j + 1; i < n; i++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= lower[i][k] * lower[j][k];
                }
                lower[i][j] = sum / lower[j][j];
            }
        }
        return -1;
    }

    /** The inverse of a symmetric positive definite matrix, or null when it is not (numerically) positive definite. */
    public static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] lower = new double[n][n];
        for (int j = 0; j < n; j++) {
            double pivot = a[j][j];
            for (int k = 0; k < j; k++) {
                pivot -= lower[j][k] * lower[j][k];
            }
            if (!(pivot > 1e-13 * Math.abs(a[j][j])) || !Double.isFinite(pivot)) {
                return null;
            }
            lower[j][j] = Math.sqrt(pivot);
            for (int i = j + 1; i < n; i++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= lower[i][k] * lower[j][k];
                }
                lower[i][j] = sum / lower[j][j];
            }
        }
        // Inverse of L column by column (forward substitution on unit vectors), then A^-1 = L^-T L^-1.
        double[][] lowerInverse = new double[n][n];
        for (int c = 0; c < n; c++) {
            for (int i = c; i < n; i++) {
                double sum = i == c ? 1 : 0;
                for (int k = c; k < i; k++) {
                    sum -= lower[i][k] * lowerInverse[k][c];
                }
                lowerInverse[i][c] = sum / lower[i][i];
            }
        }
        double[][] inverse = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0;
                for (int k = i; k < n; k++) {
                    sum += lowerInverse[k][i] * lowerInverse[k][j];
                }
                inverse[i][j] = sum;
                inverse[j][i] = sum;
            }
        }
        return inverse;
    }

    /** A times x. */
    public static double[] times(double[][] a, double[] x) {
        double[] result = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double sum = 0;
            for (int j = 0; j < x.length; j++) {
                sum += a[i][j] * x[j];
            }
            result[i] = sum;
        }
        return result;
    }
}
