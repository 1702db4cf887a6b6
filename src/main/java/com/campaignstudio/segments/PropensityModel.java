package com.campaignstudio.segments;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;
import smile.classification.LogisticRegression;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.ValueVector;
import smile.math.MathEx;
import smile.validation.metric.AUC;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Trains "buys within N days" on the past and scores the present: features as of N days before the end of
 * the data, labelled by whether the follower paid in those N days; a random forest and a logistic
 * regression baseline are fitted on 70% of a sample and compared on the other 30%; the better one scores
 * every member from their features as of the end.
 */
public final class PropensityModel {

    static final int SAMPLE = 60_000;
    private static final String LABEL = "bought";

    private final ProjectDatabase database;

    public PropensityModel(ProjectDatabase database) {
        this.database = database;
    }

    public Propensity train(Segmentation segmentation, int horizonDays, TaskContext context)
            throws SQLException, SegmentationException {
        SegmentationSettings settings = segmentation.settings();
        List<Feature> features = settings.features().stream().filter(f -> f != Feature.PLATFORM).toList();
        FeatureMatrix.Transform unscaled = new FeatureMatrix.Transform(settings.transform().logged(), false);
        LocalDate cutoff = segmentation.asOf().toLocalDate().minusDays(horizonDays - 1L);
        Population population = settings.population();
        if (population.from() != null && !population.from().isBefore(cutoff)) {
            throw new SegmentationException("segment.error.horizonTooLong", horizonDays);
        }
        context.message(Reason.of("stage.features"));
        FollowerFacts past = new FactsReader(database).read(new Population(population.platform(),
                population.buyersOnly(), population.from(), cutoff.minusDays(1)), Segmenter.scaled(context, 0, 0.3));
        Set<Long> buyers = buyersBetween(cutoff.atStartOfDay(), cutoff.plusDays(horizonDays).atStartOfDay());
        int[] sample = Samples.indices(past.size(), SAMPLE, settings.clustering().seed());
        FeatureMatrix pastMatrix = FeatureMatrix.build(past, features, unscaled);
        double[][] x = Arrays.stream(sample).mapToObj(i -> pastMatrix.values()[i]).toArray(double[][]::new);
        int[] y = Arrays.stream(sample).map(i -> buyers.contains(past.ids()[i]) ? 1 : 0).toArray();
        int positives = Arrays.stream(y).sum();
        if (positives < 20 || positives > y.length - 20) {
            throw new SegmentationException("segment.error.propensityLabels", positives, y.length, horizonDays);
        }
        boolean[] test = split(y.length, settings.clustering().seed());
        double[][] xTrain = rows(x, test, false);
        int[] yTrain = labels(y, test, false);
        double[][] xTest = rows(x, test, true);
        int[] yTest = labels(y, test, true);
        context.checkCancelled();

        context.message(Reason.of("stage.randomForest"));
        context.progress(40, 100);
        String[] names = pastMatrix.columns().toArray(String[]::new);
        MathEx.setSeed(settings.clustering().seed());
        RandomForest forest = RandomForest.fit(Formula.lhs(LABEL), frame(xTrain, names, yTrain),
                new RandomForest.Options(60, Math.max(1, (int) Math.sqrt(names.length)), 12, 400, 5));
        context.checkCancelled();
        Standardiser standardiser = Standardiser.of(xTrain);
        LogisticRegression logistic = LogisticRegression.fit(standardiser.apply(xTrain), yTrain);
        double[] forestTest = forestScores(forest, xTest, names);
        double[] logisticTest = logisticScores(logistic, standardiser.apply(xTest));
        double forestAuc = AUC.of(yTest, forestTest);
        double logisticAuc = AUC.of(yTest, logisticTest);
        boolean useForest = forestAuc >= logisticAuc;
        context.progress(70, 100);
        context.checkCancelled();

        context.message(Reason.of("stage.scores"));
        FollowerFacts present = new FactsReader(database).read(population, TaskContext.silent());
        FeatureMatrix presentMatrix = FeatureMatrix.build(present, features, unscaled);
        double[] presentScores = useForest ? forestScores(forest, presentMatrix.values(), names)
                : logisticScores(logistic, standardiser.apply(presentMatrix.values()));
        float[] scores = alignToMembers(segmentation.followerIds(), present.ids(), presentScores);
        double[] importance = forest.importance();
        double total = Arrays.stream(importance).sum();
        List<Propensity.Importance> shares = new ArrayList<>();
        for (int j = 0; j < names.length; j++) {
            shares.add(new Propensity.Importance(names[j], total == 0 ? 0 : importance[j] / total));
        }
        shares.sort((a, b) -> Double.compare(b.share(), a.share()));
        context.progress(100, 100);
        return new Propensity(new Propensity.Summary(horizonDays, cutoff, xTrain.length, xTest.length,
                positives / (double) y.length, forestAuc, logisticAuc, useForest ? "forest" : "logistic",
                gains(yTest, useForest ? forestTest : logisticTest), List.copyOf(shares)), scores);
    }

    /** Cumulative gains by tenths: the share of buyers among the top 10%, 20%, ... by score. */
    static List<Propensity.Gain> gains(int[] truth, double[] score) {
        Integer[] order = IntStream.range(0, truth.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        long positives = Arrays.stream(truth).filter(v -> v == 1).count();
        List<Propensity.Gain> gains = new ArrayList<>();
        gains.add(new Propensity.Gain(0, 0));
        long captured = 0;
        int next = 1;
        for (int i = 0; i < order.length; i++) {
            captured += truth[order[i]];
            while (next <= 10 && i + 1 >= Math.round(order.length * next / 10.0)) {
                gains.add(new Propensity.Gain(next / 10.0, positives == 0 ? 0 : captured / (double) positives));
                next++;
            }
        }
        return gains;
    }

    private Set<Long> buyersBetween(LocalDateTime from, LocalDateTime until) throws SQLException {
        return database.read(connection -> {
            Set<Long> ids = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT follower_id FROM customer_order "
                    + "WHERE status = 'paid' AND follower_id IS NOT NULL AND paid_at >= ? AND paid_at < ?")) {
                select.setTimestamp(1, Timestamp.valueOf(from));
                select.setTimestamp(2, Timestamp.valueOf(until));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    private static float[] alignToMembers(long[] members, long[] ids, double[] scores) {
        float[] aligned = new float[members.length];
        for (int i = 0; i < members.length; i++) {
            int row = Arrays.binarySearch(ids, members[i]);
            aligned[i] = row < 0 ? Float.NaN : (float) scores[row];
        }
        return aligned;
    }

    private static DataFrame frame(double[][] x, String[] names, int[] y) {
        return DataFrame.of(x, names).merge(new DataFrame(ValueVector.of(LABEL, y)));
    }

    private static double[] forestScores(RandomForest forest, double[][] x, String[] names) {
        DataFrame frame = DataFrame.of(x, names);
        return IntStream.range(0, x.length).parallel().mapToDouble(i -> {
            double[] posterior = new double[2];
            forest.predict(frame.get(i), posterior);
            return posterior[1];
        }).toArray();
    }

    private static double[] logisticScores(LogisticRegression model, double[][] x) {
        return Arrays.stream(x).mapToDouble(row -> {
            double[] posterior = new double[2];
            model.predict(row, posterior);
            return posterior[1];
        }).toArray();
    }

    /** A seeded 30% hold-out. */
    private static boolean[] split(int n, long seed) {
        java.util.Random random = new java.util.Random(seed);
        boolean[] test = new boolean[n];
        for (int i = 0; i < n; i++) {
            test[i] = random.nextDouble() < 0.3;
        }
        return test;
    }

    private static double[][] rows(double[][] x, boolean[] test, boolean wanted) {
        return IntStream.range(0, x.length).filter(i -> test[i] == wanted).mapToObj(i -> x[i]).toArray(double[][]::new);
    }

    private static int[] labels(int[] y, boolean[] test, boolean wanted) {
        return IntStream.range(0, y.length).filter(i -> test[i] == wanted).map(i -> y[i]).toArray();
    }

    /** z-scores with the training rows' means and deviations, for the logistic regression. */
    private record Standardiser(double[] mean, double[] sd) {
        static Standardiser of(double[][] x) {
            int d = x[0].length;
            double[] mean = new double[d];
            double[] sd = new double[d];
            for (int j = 0; j < d; j++) {
                int column = j;
                mean[j] = Arrays.stream(x).mapToDouble(r -> r[column]).average().orElse(0);
                double m = mean[j];
                sd[j] = Math.sqrt(Arrays.stream(x).mapToDouble(r -> (r[column] - m) * (r[column] - m)).average().orElse(0));
                if (sd[j] == 0) {
                    sd[j] = 1;
                }
            }
            return new Standardiser(mean, sd);
        }

        double[][] apply(double[][] x) {
            return Arrays.stream(x).map(r -> {
                double[] z = new double[r.length];
                for (int j = 0; j < r.length; j++) {
                    z[j] = (r[j] - mean[j]) / sd[j];
                }
                return z;
            }).toArray(double[][]::new);
        }
    }
}
