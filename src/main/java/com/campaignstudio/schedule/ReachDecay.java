package com.campaignstudio.schedule;

import com.campaignstudio.project.ProjectDatabase;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.DoublePredicate;

/**
 * Reach decay of a platform's (and format's) posts: cumulative reach R(t) = R_inf (1 - e^(-lambda t)), t in hours
 * since publication (domain.md section 6). Three tiers, the first that the data supports:
 * <ol>
 * <li>{@link Source#SNAPSHOTS}: least squares over every reach snapshot, each post's R_inf profiled out (for a fixed
 * lambda it has a closed form), each post's residuals divided by its largest snapshot so that big posts do not
 * outweigh small ones; lambda by a grid over log lambda refined by golden-section search.</li>
 * <li>{@link Source#AGES}: no snapshots, but posts whose reach was read at a known age (the start of the import
 * that brought them less their publication): reach_i = rho x impressions_i x (1 - e^(-lambda age_i)) with one
 * shared rho, profiled out the same way. Only young posts carry information on lambda, so the tier is used only
 * when at least {@value #MIN_YOUNG_POSTS} posts were read before 90% of their reach had come in.</li>
 * <li>{@link Source#DEFAULT}: a per-platform half-life, a rule of thumb ({@link #defaultHalfLifeHours}).</li>
 * </ol>
 * A half-life the user sets ({@link Source#USER}) is used instead of any of them.
 *
 * <p>The interval on lambda of a fitted tier is the 2.5% and 97.5% quantiles of {@value #BOOTSTRAP} refits on posts
 * resampled with replacement (seeded); for the default and the user's half-life it is a stated +-50%.
 */
public final class ReachDecay {

    /** Where lambda comes from. */
    public enum Source { SNAPSHOTS, AGES, DEFAULT, USER }

    /** One observed point for the chart: age in hours and the share of the post's R_inf reached by then. */
    public record CurvePoint(double ageHours, double share) {
    }

    /** One post's reach snapshots: ages in hours since publication, and the cumulative reach then. */
    public record Series(double[] ageHours, double[] reach) {
        public Series {
            if (ageHours.length != reach.length) {
                throw new IllegalArgumentException("ages and reach differ in length");
            }
        }
    }

    /** Posts each read once at a known age: age in hours, impressions and reach. */
    public record AgedPosts(double[] ageHours, double[] impressions, double[] reach) {
        public AgedPosts {
            if (ageHours.length != impressions.length || ageHours.length != reach.length) {
                throw new IllegalArgumentException("ages, impressions and reach differ in length");
            }
        }

        public static AgedPosts none() {
            return new AgedPosts(new double[0], new double[0], new double[0]);
        }
    }

    /**
     * A decay curve and how it was found.
     *
     * @param lambda        per hour
     * @param lambdaLow     95% interval, low end (bootstrap for fitted tiers, lambda x 0.5 otherwise)
     * @param lambdaHigh    95% interval, high end (bootstrap for fitted tiers, lambda x 1.5 otherwise)
     * @param halfLifeHours ln 2 / lambda
     * @param r2            R squared of the normalised points against the curve; NaN when nothing was fitted
     * @param rmse          root mean square error of the normalised points; NaN when nothing was fitted
     * @param posts         posts fitted
     * @param points        points fitted
     * @param observed      normalised points (at most {@value #MAX_CHART_POINTS}, an even subsample)
     */
    public record DecayFit(String platform, Optional<String> format, Source source, double lambda, double lambdaLow,
                           double lambdaHigh, double halfLifeHours, double r2, double rmse, int posts, int points,
                           List<CurvePoint> observed) {

        public DecayFit {
            observed = List.copyOf(observed);
        }

        /** Share of a post's eventual reach reached after this many hours: 1 - e^(-lambda t). */
        public double cumulativeShare(double hours) {
            return hours <= 0 ? 0 : 1 - Math.exp(-lambda * hours);
        }
    }

    public static final int BOOTSTRAP = 200;
    public static final int MAX_CHART_POINTS = 2_000;
    public static final int MIN_YOUNG_POSTS = 5;
    /** The search range of half-lives, in hours. */
    public static final double SHORTEST_HALF_LIFE = 0.05;
    public static final double LONGEST_HALF_LIFE = 5_000;
    private static final double DEFAULT_SPREAD = 0.5;
    private static final int GRID = 60;
    private static final int NEAR = 4;
    private static final int FINE = 16;
    private static final double LOG_LOW = Math.log(Math.log(2) / LONGEST_HALF_LIFE);
    private static final double LOG_HIGH = Math.log(Math.log(2) / SHORTEST_HALF_LIFE);
    private static final double STEP = (LOG_HIGH - LOG_LOW) / (GRID - 1);
    private static final Map<String, Double> DEFAULT_HALF_LIVES = Map.of("weibo", 4.0, "wechat", 24.0,
            "douyin", 12.0, "kuaishou", 12.0, "xiaohongshu", 48.0, "zhihu", 72.0, "bilibili", 36.0, "live", 2.0);
    private static final double OTHER_HALF_LIFE = 24;

    private ReachDecay() {
    }

    /**
     * Rules of thumb for how fast a post's reach comes in, in hours: weibo 4, wechat 24, douyin 12, kuaishou 12,
     * xiaohongshu 48, zhihu 72, bilibili 36, live 2, any other platform 24. Not measured: what the feeds' pace
     * suggests, for a project without the data to fit.
     */
    public static double defaultHalfLifeHours(String platform) {
        return DEFAULT_HALF_LIVES.getOrDefault(platform, OTHER_HALF_LIFE);
    }

    /** The project's decay for the platform (and format), without a user's half-life. */
    public static DecayFit fit(ProjectDatabase database, String platform, Optional<String> format, long seed)
            throws SQLException {
        return fit(database, platform, format, OptionalDouble.empty(), seed);
    }

    /** The project's decay for the platform (and format); a user's half-life, when given, wins. */
    public static DecayFit fit(ProjectDatabase database, String platform, Optional<String> format,
                               OptionalDouble overrideHalfLifeHours, long seed) throws SQLException {
        if (overrideHalfLifeHours.isPresent()) {
            return assumed(platform, format, overrideHalfLifeHours);
        }
        Optional<DecayFit> fromSnapshots = fitSnapshots(platform, format, readSnapshots(database, platform, format), seed);
        if (fromSnapshots.isPresent()) {
            return fromSnapshots.get();
        }
        return fitAges(platform, format, readAges(database, platform, format), seed)
                .orElseGet(() -> assumed(platform, format, OptionalDouble.empty()));
    }

    /** The first tier the data supports: the user's half-life, snapshots, ages, the default. */
    public static DecayFit choose(String platform, Optional<String> format, List<Series> snapshots, AgedPosts ages,
                                  OptionalDouble overrideHalfLifeHours, long seed) {
        if (overrideHalfLifeHours.isPresent()) {
            return assumed(platform, format, overrideHalfLifeHours);
        }
        return fitSnapshots(platform, format, snapshots, seed)
                .or(() -> fitAges(platform, format, ages, seed))
                .orElseGet(() -> assumed(platform, format, OptionalDouble.empty()));
    }

    /** The default half-life of the platform, or the user's; interval +-50%. */
    public static DecayFit assumed(String platform, Optional<String> format, OptionalDouble overrideHalfLifeHours) {
        double halfLife = overrideHalfLifeHours.orElse(defaultHalfLifeHours(platform));
        if (!(halfLife > 0) || Double.isInfinite(halfLife)) {
            throw new IllegalArgumentException("a half-life must be a positive number of hours: " + halfLife);
        }
        double lambda = Math.log(2) / halfLife;
        return new DecayFit(platform, format, overrideHalfLifeHours.isPresent() ? Source.USER : Source.DEFAULT, lambda,
                lambda * (1 - DEFAULT_SPREAD), lambda * (1 + DEFAULT_SPREAD), halfLife, Double.NaN, Double.NaN, 0, 0,
                List.of());
    }

    /** Tier 1; empty when the snapshots cannot place lambda (too few, or the best fit at the search's edge). */
    public static Optional<DecayFit> fitSnapshots(String platform, Optional<String> format, List<Series> posts,
                                                  long seed) {
        SnapshotProblem problem = SnapshotProblem.of(posts);
        if (problem == null) {
            return Optional.empty();
        }
        return fitted(platform, format, Source.SNAPSHOTS, problem, seed, lambda -> true);
    }

    /** Tier 2; empty when the ages cannot place lambda (fewer than {@value #MIN_YOUNG_POSTS} young posts). */
    public static Optional<DecayFit> fitAges(String platform, Optional<String> format, AgedPosts posts, long seed) {
        AgeProblem problem = AgeProblem.of(posts);
        if (problem == null) {
            return Optional.empty();
        }
        return fitted(platform, format, Source.AGES, problem, seed, problem::enoughYoungPosts);
    }

    private static Optional<DecayFit> fitted(String platform, Optional<String> format, Source source, Problem problem,
                                             long seed, DoublePredicate identifiable) {
        int[] weights = new int[problem.posts()];
        Arrays.fill(weights, 1);
        Minimum best = minimise(problem, weights);
        if (best.atEdge() || !identifiable.test(best.lambda())) {
            return Optional.empty();
        }
        double lambda = best.lambda();
        double[] resampled = bootstrap(problem, lambda, seed);
        Arrays.sort(resampled);
        List<CurvePoint> normalised = problem.normalised(lambda);
        double sumShare = 0;
        for (CurvePoint point : normalised) {
            sumShare += point.share();
        }
        double meanShare = sumShare / normalised.size();
        double residual = 0;
        double total = 0;
        for (CurvePoint point : normalised) {
            double error = point.share() - (1 - Math.exp(-lambda * point.ageHours()));
            residual += error * error;
            total += (point.share() - meanShare) * (point.share() - meanShare);
        }
        double r2 = total > 0 ? 1 - residual / total : Double.NaN;
        double rmse = Math.sqrt(residual / normalised.size());
        return Optional.of(new DecayFit(platform, format, source, lambda, quantile(resampled, 0.025),
                quantile(resampled, 0.975), Math.log(2) / lambda, r2, rmse, problem.posts(),
                normalised.size(), subsample(normalised)));
    }

    /**
     * The bootstrap's refits of lambda. Each post's sums are tabled once on a fine grid of 2 x {@value #FINE} + 1
     * points within {@value #NEAR} coarse steps of the estimate (a resample's minimum lies close to the full
     * sample's); a resample is then a weighted total per grid point, its minimum refined by the parabola through it
     * and its neighbours. A resample whose minimum falls at the table's edge is refitted in full.
     */
    private static double[] bootstrap(Problem problem, double estimate, long seed) {
        int gridPoints = 2 * FINE + 1;
        double spacing = NEAR * STEP / FINE;
        double centre = Math.log(estimate);
        double[][][] table = new double[gridPoints][problem.sums()][problem.posts()];
        for (int g = 0; g < gridPoints; g++) {
            problem.postSums(Math.exp(centre + (g - FINE) * spacing), table[g]);
        }
        int[] weights = new int[problem.posts()];
        double[] totals = new double[problem.sums()];
        double[] values = new double[gridPoints];
        double[] resampled = new double[BOOTSTRAP];
        SplittableRandom random = new SplittableRandom(seed);
        for (int b = 0; b < BOOTSTRAP; b++) {
            Arrays.fill(weights, 0);
            for (int i = 0; i < problem.posts(); i++) {
                weights[random.nextInt(problem.posts())]++;
            }
            int best = 0;
            for (int g = 0; g < gridPoints; g++) {
                for (int k = 0; k < totals.length; k++) {
                    double[] sums = table[g][k];
                    double total = 0;
                    for (int i = 0; i < weights.length; i++) {
                        total += weights[i] * sums[i];
                    }
                    totals[k] = total;
                }
                values[g] = problem.fromTotals(totals);
                if (values[g] < values[best]) {
                    best = g;
                }
            }
            if (best == 0 || best == gridPoints - 1) {
                // A resample whose best fit is at the search's edge counts there: lambda could be anything that way.
                resampled[b] = minimise(problem, weights).lambda();
                continue;
            }
            double curvature = values[best - 1] - 2 * values[best] + values[best + 1];
            double offset = curvature > 0 ? 0.5 * (values[best - 1] - values[best + 1]) / curvature : 0;
            resampled[b] = Math.exp(centre + (best - FINE + offset) * spacing);
        }
        return resampled;
    }

    /** The lambda minimising a sum of squares, and whether it lies at the search range's edge. */
    record Minimum(double lambda, boolean atEdge) {
    }

    /** The lambda minimising the weighted sum of squares: a grid over log lambda, then golden section. */
    static Minimum minimise(Problem problem, int[] weights) {
        return minimise(problem, weights, 0, GRID - 1);
    }

    /** Grid points from..to; at the edge when the best grid point is the first or the last searched. */
    private static Minimum minimise(Problem problem, int[] weights, int from, int to) {
        int bestIndex = from;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int g = from; g <= to; g++) {
            double value = problem.sumOfSquares(Math.exp(LOG_LOW + g * STEP), weights);
            if (value < bestValue) {
                bestValue = value;
                bestIndex = g;
            }
        }
        if (bestIndex == from || bestIndex == to) {
            return new Minimum(Math.exp(LOG_LOW + bestIndex * STEP), true);
        }
        double a = LOG_LOW + (bestIndex - 1) * STEP;
        double b = LOG_LOW + (bestIndex + 1) * STEP;
        double ratio = (Math.sqrt(5) - 1) / 2;
        double c = b - ratio * (b - a);
        double d = a + ratio * (b - a);
        double fc = problem.sumOfSquares(Math.exp(c), weights);
        double fd = problem.sumOfSquares(Math.exp(d), weights);
        while (b - a > 1e-6) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - ratio * (b - a);
                fc = problem.sumOfSquares(Math.exp(c), weights);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + ratio * (b - a);
                fd = problem.sumOfSquares(Math.exp(d), weights);
            }
        }
        return new Minimum(Math.exp((a + b) / 2), false);
    }

    private static double quantile(double[] sorted, double p) {
        int n = sorted.length;
        double position = p * (n - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(n - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static List<CurvePoint> subsample(List<CurvePoint> points) {
        if (points.size() <= MAX_CHART_POINTS) {
            return points;
        }
        List<CurvePoint> kept = new ArrayList<>(MAX_CHART_POINTS);
        for (int k = 0; k < MAX_CHART_POINTS; k++) {
            kept.add(points.get((int) ((long) k * points.size() / MAX_CHART_POINTS)));
        }
        return kept;
    }

    /** A least-squares problem in lambda alone, the scale parameters profiled out. */
    interface Problem {
        int posts();

        /** Sum of squares at lambda, post i counted weights[i] times. */
        double sumOfSquares(double lambda, int[] weights);

        /** How many per-post sums the sum of squares is made from. */
        int sums();

        /** Post i's sums at lambda, into {@code into[k][i]}. */
        void postSums(double lambda, double[][] into);

        /** The sum of squares from the (weighted) totals of the per-post sums. */
        double fromTotals(double[] totals);

        List<CurvePoint> normalised(double lambda);
    }

    /** Snapshots of posts laid end to end; start[i] is where post i's begin. */
    private record SnapshotProblem(int[] start, double[] ages, double[] reach, double[] scale) implements Problem {

        static SnapshotProblem of(List<Series> posts) {
            List<Series> usable = new ArrayList<>();
            int points = 0;
            int freedom = 0;
            for (Series series : posts) {
                int positive = 0;
                double largest = 0;
                for (int j = 0; j < series.ageHours().length; j++) {
                    if (series.ageHours()[j] > 0 && series.reach()[j] >= 0) {
                        positive++;
                        largest = Math.max(largest, series.reach()[j]);
                    }
                }
                if (positive >= 2 && largest > 0) {
                    usable.add(series);
                    points += positive;
                    freedom += positive - 1;
                }
            }
            if (freedom < 2) {
                return null;
            }
            int[] start = new int[usable.size() + 1];
            double[] ages = new double[points];
            double[] reach = new double[points];
            double[] scale = new double[usable.size()];
            int at = 0;
            for (int i = 0; i < usable.size(); i++) {
                start[i] = at;
                Series series = usable.get(i);
                for (int j = 0; j < series.ageHours().length; j++) {
                    if (series.ageHours()[j] > 0 && series.reach()[j] >= 0) {
                        ages[at] = series.ageHours()[j];
                        reach[at] = series.reach()[j];
                        scale[i] = Math.max(scale[i], reach[at]);
                        at++;
                    }
                }
            }
            start[usable.size()] = at;
            return new SnapshotProblem(start, ages, reach, scale);
        }

        @Override
        public int posts() {
            return scale.length;
        }

        @Override
        public double sumOfSquares(double lambda, int[] weights) {
            double sum = 0;
            for (int i = 0; i < scale.length; i++) {
                if (weights[i] == 0) {
                    continue;
                }
                double ff = 0;
                double yf = 0;
                double yy = 0;
                for (int j = start[i]; j < start[i + 1]; j++) {
                    double f = 1 - Math.exp(-lambda * ages[j]);
                    double y = reach[j] / scale[i];
                    ff += f * f;
                    yf += y * f;
                    yy += y * y;
                }
                sum += weights[i] * (yy - yf * yf / ff);
            }
            return sum;
        }

        @Override
        public int sums() {
            return 1;
        }

        /** The post's own sum of squares, its R_inf profiled out. */
        @Override
        public void postSums(double lambda, double[][] into) {
            for (int i = 0; i < scale.length; i++) {
                double ff = 0;
                double yf = 0;
                double yy = 0;
                for (int j = start[i]; j < start[i + 1]; j++) {
                    double f = 1 - Math.exp(-lambda * ages[j]);
                    double y = reach[j] / scale[i];
                    ff += f * f;
                    yf += y * f;
                    yy += y * y;
                }
                into[0][i] = yy - yf * yf / ff;
            }
        }

        @Override
        public double fromTotals(double[] totals) {
            return totals[0];
        }

        @Override
        public List<CurvePoint> normalised(double lambda) {
            List<CurvePoint> points = new ArrayList<>(ages.length);
            for (int i = 0; i < scale.length; i++) {
                double ff = 0;
                double yf = 0;
                for (int j = start[i]; j < start[i + 1]; j++) {
                    double f = 1 - Math.exp(-lambda * ages[j]);
                    ff += f * f;
                    yf += reach[j] * f;
                }
                double eventual = yf / ff;
                for (int j = start[i]; j < start[i + 1]; j++) {
                    points.add(new CurvePoint(ages[j], eventual > 0 ? reach[j] / eventual : 0));
                }
            }
            return points;
        }
    }

    /** Reach over impressions of posts read once each, at a known age, with one shared eventual share rho. */
    private record AgeProblem(double[] ages, double[] share) implements Problem {

        static AgeProblem of(AgedPosts posts) {
            int usable = 0;
            for (int i = 0; i < posts.ageHours().length; i++) {
                if (usable(posts, i)) {
                    usable++;
                }
            }
            if (usable < MIN_YOUNG_POSTS) {
                return null;
            }
            double[] ages = new double[usable];
            double[] share = new double[usable];
            int at = 0;
            for (int i = 0; i < posts.ageHours().length; i++) {
                if (usable(posts, i)) {
                    ages[at] = posts.ageHours()[i];
                    share[at] = posts.reach()[i] / posts.impressions()[i];
                    at++;
                }
            }
            return new AgeProblem(ages, share);
        }

        private static boolean usable(AgedPosts posts, int i) {
            return posts.ageHours()[i] > 0 && posts.impressions()[i] > 0 && posts.reach()[i] >= 0;
        }

        /** Whether enough posts were read before 90% of their reach had come in, at this lambda. */
        boolean enoughYoungPosts(double lambda) {
            double ninetyPercent = Math.log(10) / lambda;
            int young = 0;
            for (double age : ages) {
                if (age < ninetyPercent) {
                    young++;
                }
            }
            return young >= MIN_YOUNG_POSTS && rho(lambda, null) > 0;
        }

        private double rho(double lambda, int[] weights) {
            double ff = 0;
            double yf = 0;
            for (int i = 0; i < ages.length; i++) {
                int weight = weights == null ? 1 : weights[i];
                double f = 1 - Math.exp(-lambda * ages[i]);
                ff += weight * f * f;
                yf += weight * share[i] * f;
            }
            return ff > 0 ? yf / ff : 0;
        }

        @Override
        public int posts() {
            return ages.length;
        }

        @Override
        public double sumOfSquares(double lambda, int[] weights) {
            double ff = 0;
            double yf = 0;
            double yy = 0;
            for (int i = 0; i < ages.length; i++) {
                double f = 1 - Math.exp(-lambda * ages[i]);
                ff += weights[i] * f * f;
                yf += weights[i] * share[i] * f;
                yy += weights[i] * share[i] * share[i];
            }
            return fromTotals(new double[]{ff, yf, yy});
        }

        @Override
        public int sums() {
            return 3;
        }

        /** f squared, share x f and share squared: rho is shared, so the posts' sums of squares do not add up. */
        @Override
        public void postSums(double lambda, double[][] into) {
            for (int i = 0; i < ages.length; i++) {
                double f = 1 - Math.exp(-lambda * ages[i]);
                into[0][i] = f * f;
                into[1][i] = share[i] * f;
                into[2][i] = share[i] * share[i];
            }
        }

        @Override
        public double fromTotals(double[] totals) {
            double ff = totals[0];
            double yf = totals[1];
            double yy = totals[2];
            return ff > 0 ? yy - yf * yf / ff : yy;
        }

        @Override
        public List<CurvePoint> normalised(double lambda) {
            double rho = rho(lambda, null);
            List<CurvePoint> points = new ArrayList<>(ages.length);
            for (int i = 0; i < ages.length; i++) {
                points.add(new CurvePoint(ages[i], rho > 0 ? share[i] / rho : 0));
            }
            return points;
        }
    }

    private static List<Series> readSnapshots(ProjectDatabase database, String platform, Optional<String> format)
            throws SQLException {
        return database.read(connection -> {
            List<Series> series = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT s.post_id, p.published_at, "
                    + "s.taken_at, s.reach FROM post_reach_snapshot s JOIN post p ON p.id = s.post_id "
                    + "JOIN platform pl ON pl.id = p.platform_id WHERE pl.code = ?"
                    + (format.isPresent() ? " AND p.format = ?" : "") + " ORDER BY s.post_id, s.taken_at")) {
                statement.setString(1, platform);
                if (format.isPresent()) {
                    statement.setString(2, format.get());
                }
                try (ResultSet rs = statement.executeQuery()) {
                    long current = Long.MIN_VALUE;
                    double[] ages = new double[16];
                    double[] reach = new double[16];
                    int n = 0;
                    while (rs.next()) {
                        long post = rs.getLong(1);
                        if (post != current && n > 0) {
                            series.add(new Series(Arrays.copyOf(ages, n), Arrays.copyOf(reach, n)));
                            n = 0;
                        }
                        current = post;
                        if (n == ages.length) {
                            ages = Arrays.copyOf(ages, n * 2);
                            reach = Arrays.copyOf(reach, n * 2);
                        }
                        ages[n] = hoursBetween(rs.getObject(2, LocalDateTime.class), rs.getObject(3, LocalDateTime.class));
                        reach[n] = rs.getLong(4);
                        n++;
                    }
                    if (n > 0) {
                        series.add(new Series(Arrays.copyOf(ages, n), Arrays.copyOf(reach, n)));
                    }
                }
            }
            return series;
        });
    }

    private static AgedPosts readAges(ProjectDatabase database, String platform, Optional<String> format)
            throws SQLException {
        return database.read(connection -> {
            List<double[]> rows = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT p.published_at, b.started_at, "
                    + "p.impressions, p.reach FROM post p JOIN import_batch b ON b.id = p.import_id "
                    + "JOIN platform pl ON pl.id = p.platform_id WHERE pl.code = ? AND p.impressions > 0 "
                    + "AND p.reach IS NOT NULL" + (format.isPresent() ? " AND p.format = ?" : ""))) {
                statement.setString(1, platform);
                if (format.isPresent()) {
                    statement.setString(2, format.get());
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new double[]{hoursBetween(rs.getObject(1, LocalDateTime.class),
                                rs.getObject(2, LocalDateTime.class)), rs.getLong(3), rs.getLong(4)});
                    }
                }
            }
            double[] ages = new double[rows.size()];
            double[] impressions = new double[rows.size()];
            double[] reach = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                ages[i] = rows.get(i)[0];
                impressions[i] = rows.get(i)[1];
                reach[i] = rows.get(i)[2];
            }
            return new AgedPosts(ages, impressions, reach);
        });
    }

    /** Wall-clock hours from one time to another (both in the project's zone). */
    private static double hoursBetween(LocalDateTime from, LocalDateTime to) {
        return (to.toEpochSecond(ZoneOffset.UTC) - from.toEpochSecond(ZoneOffset.UTC)) / 3600.0;
    }
}
