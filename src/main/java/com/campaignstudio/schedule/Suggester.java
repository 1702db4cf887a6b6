package com.campaignstudio.schedule;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Proposes where the posts of a period should go to maximise the expected goal ({@link ExpectedValue}), keeping
 * locked posts where they are. Fatigue links posts of one platform only, so each platform is solved on its own:
 * greedy insertion (each post where it adds most), then moves of single posts to the best free hour while any move
 * improves, repeated from a few seeded random starts; the best local optimum found is kept. With hours to spend
 * instead of counts, posts go one at a time to the platform whose next post adds most per hour of work.
 */
public final class Suggester {

    private static final int RANDOM_STARTS = 4;
    private static final double IMPROVEMENT = 1e-12;

    /** Why a post sits where it does. */
    public record Reason(PlannedPost post, double lift, double fatigue, Optional<PlannedPost> overlapsWith,
                         double overlapLoss, double audienceIndex) {
    }

    /** A proposed plan: the locked posts and the suggested ones, its expected goal and a reason per post. */
    public record Suggestion(SchedulePlan plan, Goal goal, double expected, List<Reason> reasons,
                             Map<String, Integer> shortOfSlots) {
    }

    /**
     * What to fill.
     *
     * @param period    the period (its posts: the locked ones and any others, which the suggestion replaces)
     * @param posts     posts wanted per platform
     * @param formats   the format of each platform's new posts (absent: video)
     * @param notBefore no suggested post before this time (the past cannot be planned)
     * @param audience  per platform, a target audience's activity index per slot (mean 1); absent: everyone
     */
    public record Request(SchedulePlan period, Map<String, Integer> posts, Map<String, String> formats, Goal goal,
                          LocalDateTime notBefore, Map<String, double[]> audience) {
        public Request {
            posts = Map.copyOf(posts);
            formats = Map.copyOf(formats);
            audience = Map.copyOf(audience);
        }

        public String format(String platform) {
            return formats.getOrDefault(platform, "video");
        }
    }

    private final ScheduleModel model;

    public Suggester(ScheduleModel model) {
        this.model = model;
    }

    public Suggestion suggest(Request request) {
        ExpectedValue value = new ExpectedValue(model, request.period(), request.goal(), request.audience());
        List<PlannedPost> locked = request.period().posts().stream().filter(PlannedPost::locked).toList();
        List<PlannedPost> plan = new ArrayList<>(locked);
        Map<String, Integer> short_ = new LinkedHashMap<>();
        request.posts().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(wanted -> {
            String platform = wanted.getKey();
            if (!model.platforms().containsKey(platform) || wanted.getValue() <= 0) {
                return;
            }
            PlatformProblem problem = new PlatformProblem(platform, request, value, locked);
            int count = Math.min(wanted.getValue(), problem.candidates.length);
            if (count < wanted.getValue()) {
                short_.put(platform, wanted.getValue() - count);
            }
            for (int index : problem.solve(count)) {
                plan.add(problem.post(index));
            }
        });
        plan.sort(Comparator.comparing(PlannedPost::at).thenComparing(PlannedPost::platform));
        return explain(request, value, plan, short_);
    }

    /**
     * Posts per platform that fit {@code hours} of work, each platform's post costing its format's hours: one post at
     * a time to the platform whose next post adds most per hour.
     */
    public Map<String, Integer> postsForHours(Request request, double hours, Map<String, Double> hoursPerFormat) {
        ExpectedValue value = new ExpectedValue(model, request.period(), request.goal(), request.audience());
        List<PlannedPost> locked = request.period().posts().stream().filter(PlannedPost::locked).toList();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, PlatformProblem> problems = new LinkedHashMap<>();
        Map<String, Double> current = new LinkedHashMap<>();
        for (String platform : request.posts().keySet().stream().sorted().toList()) {
            if (model.platforms().containsKey(platform)) {
                PlatformProblem problem = new PlatformProblem(platform, request, value, locked);
                problems.put(platform, problem);
                counts.put(platform, 0);
                current.put(platform, problem.value(problem.solve(0)));
            }
        }
        double left = hours;
        while (true) {
            String best = null;
            double bestGain = 0;
            double bestValue = 0;
            for (var entry : problems.entrySet()) {
                String platform = entry.getKey();
                double cost = hoursPerFormat.getOrDefault(request.format(platform), 1.0);
                int next = counts.get(platform) + 1;
                if (cost > left || next > entry.getValue().candidates.length) {
                    continue;
                }
                double nextValue = entry.getValue().value(entry.getValue().greedy(next));
                double gain = (nextValue - current.get(platform)) / cost;
                if (gain > bestGain) {
                    best = platform;
                    bestGain = gain;
                    bestValue = nextValue;
                }
            }
            if (best == null) {
                return counts;
            }
            left -= hoursPerFormat.getOrDefault(request.format(best), 1.0);
            counts.merge(best, 1, Integer::sum);
            current.put(best, bestValue);
        }
    }

    private Suggestion explain(Request request, ExpectedValue value, List<PlannedPost> plan,
                               Map<String, Integer> shortOfSlots) {
        List<Reason> reasons = new ArrayList<>();
        for (int j = 0; j < plan.size(); j++) {
            PlannedPost post = plan.get(j);
            PlatformModel platform = model.platforms().get(post.platform());
            if (platform == null) {
                continue;
            }
            Fatigue.Overlap overlap = Fatigue.of(plan, j, model);
            double[] activity = request.audience().get(post.platform());
            reasons.add(new Reason(post, platform.lift(post.slot()), overlap.factor(), overlap.worstEarlier(),
                    overlap.worstLoss(), activity == null ? 1 : activity[post.slot()]));
        }
        return new Suggestion(request.period().withPosts(plan), request.goal(), value.of(plan), reasons,
                shortOfSlots);
    }

    /** One platform's choice of hours: candidates, their worth, and the locked posts already there. */
    private final class PlatformProblem {
        private final String platform;
        private final String format;
        private final LocalDateTime start;
        private final int[] candidates;
        private final double[] candidateWeight;
        private final double[] lockedHours;
        private final double[] lockedWeight;
        private final double[] lockedLambda;
        private final double lambda;

        PlatformProblem(String platform, Request request, ExpectedValue value, List<PlannedPost> locked) {
            this.platform = platform;
            this.format = request.format(platform);
            this.start = request.period().start();
            this.lambda = model.platforms().get(platform).lambda(format);
            List<PlannedPost> mine = locked.stream().filter(p -> p.platform().equals(platform)).toList();
            lockedHours = mine.stream().mapToDouble(p -> request.period().hoursFromStart(p.at())).toArray();
            lockedWeight = mine.stream().mapToDouble(value::weight).toArray();
            lockedLambda = mine.stream().mapToDouble(p -> model.platforms().get(platform).lambda(p.format())).toArray();
            List<Integer> free = new ArrayList<>();
            for (int hour = 0; hour < request.period().days() * 24; hour++) {
                LocalDateTime at = start.plusHours(hour);
                int h = hour;
                boolean taken = Arrays.stream(lockedHours).anyMatch(t -> Math.floor(t) == h);
                if (!at.isBefore(request.notBefore()) && !taken) {
                    free.add(hour);
                }
            }
            candidates = free.stream().mapToInt(Integer::intValue).toArray();
            candidateWeight = free.stream().mapToDouble(hour -> value.weight(post(hour))).toArray();
        }

        PlannedPost post(int hour) {
            return new PlannedPost(platform, start.plusHours(hour), format, "", 0, false);
        }

        /** The best set of {@code count} candidate hours found. */
        int[] solve(int count) {
            int[] best = improve(greedy(count));
            double bestValue = value(best);
            SplittableRandom random = new SplittableRandom(model.seed() ^ platform.hashCode());
            for (int restart = 0; restart < RANDOM_STARTS && count > 0 && count < candidates.length; restart++) {
                int[] start = randomChoice(count, random);
                int[] local = improve(start);
                double localValue = value(local);
                if (localValue > bestValue + IMPROVEMENT) {
                    best = local;
                    bestValue = localValue;
                }
            }
            return best;
        }

        int[] greedy(int count) {
            int[] chosen = new int[0];
            for (int k = 0; k < count; k++) {
                int bestCandidate = -1;
                double bestValue = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < candidates.length; c++) {
                    if (contains(chosen, c)) {
                        continue;
                    }
                    int[] trial = Arrays.copyOf(chosen, chosen.length + 1);
                    trial[chosen.length] = c;
                    double v = value(hoursOf(trial));
                    if (v > bestValue + IMPROVEMENT) {
                        bestValue = v;
                        bestCandidate = c;
                    }
                }
                chosen = Arrays.copyOf(chosen, chosen.length + 1);
                chosen[k] = bestCandidate;
            }
            return hoursOf(chosen);
        }

        /** Single-post moves to free hours, the best one first, until none improves. */
        private int[] improve(int[] hours) {
            int[] chosen = indicesOf(hours);
            double current = value(hoursOf(chosen));
            boolean improved = true;
            while (improved) {
                improved = false;
                int bestPosition = -1;
                int bestCandidate = -1;
                double bestValue = current;
                for (int position = 0; position < chosen.length; position++) {
                    int was = chosen[position];
                    for (int c = 0; c < candidates.length; c++) {
                        if (contains(chosen, c)) {
                            continue;
                        }
                        chosen[position] = c;
                        double v = value(hoursOf(chosen));
                        if (v > bestValue + IMPROVEMENT) {
                            bestValue = v;
                            bestPosition = position;
                            bestCandidate = c;
                        }
                    }
                    chosen[position] = was;
                }
                if (bestPosition >= 0) {
                    chosen[bestPosition] = bestCandidate;
                    current = bestValue;
                    improved = true;
                }
            }
            return hoursOf(chosen);
        }

        /** The expected goal of the locked posts plus posts at {@code hours} (plan hours), fatigue included. */
        double value(int[] hours) {
            int n = lockedHours.length + hours.length;
            double[] times = new double[n];
            double[] weights = new double[n];
            double[] lambdas = new double[n];
            java.util.Arrays.fill(lambdas, lambda);
            System.arraycopy(lockedLambda, 0, lambdas, 0, lockedLambda.length);
            System.arraycopy(lockedHours, 0, times, 0, lockedHours.length);
            System.arraycopy(lockedWeight, 0, weights, 0, lockedWeight.length);
            for (int k = 0; k < hours.length; k++) {
                times[lockedHours.length + k] = hours[k];
                weights[lockedHours.length + k] = candidateWeight[Arrays.binarySearch(candidates, hours[k])];
            }
            double fatigue = model.fatigue();
            double total = 0;
            for (int j = 0; j < n; j++) {
                double factor = 1;
                for (int i = 0; i < n; i++) {
                    boolean earlier = times[i] < times[j] || times[i] == times[j] && i < j;
                    if (i != j && earlier) {
                        factor *= 1 - fatigue * Math.exp(-lambdas[i] * (times[j] - times[i]));
                    }
                }
                total += factor * weights[j];
            }
            return total;
        }

        private int[] randomChoice(int count, SplittableRandom random) {
            int[] order = new int[candidates.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            for (int i = 0; i < count; i++) {
                int swap = i + random.nextInt(order.length - i);
                int keep = order[i];
                order[i] = order[swap];
                order[swap] = keep;
            }
            return hoursOf(Arrays.copyOf(order, count));
        }

        private int[] hoursOf(int[] candidateIndices) {
            return Arrays.stream(candidateIndices).map(c -> candidates[c]).sorted().toArray();
        }

        private int[] indicesOf(int[] hours) {
            return Arrays.stream(hours).map(h -> Arrays.binarySearch(candidates, h)).toArray();
        }

        private static boolean contains(int[] values, int value) {
            for (int v : values) {
                if (v == value) {
                    return true;
                }
            }
            return false;
        }
    }
}
