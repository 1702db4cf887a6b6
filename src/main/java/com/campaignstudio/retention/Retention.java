package com.campaignstudio.retention;

import com.campaignstudio.snapshot.ActivitySnapshot;
import com.campaignstudio.snapshot.Label;
import com.campaignstudio.snapshot.Period;
import com.campaignstudio.stats.Proportion;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Cohort retention over an {@link ActivitySnapshot} (domain.md section 4): cohort c holds the people whose first
 * paid order (or follow) falls in period c; retention(c, k) is the share of c active in period c + k, with its 95%
 * Wilson interval; revenue retention is the cumulative revenue per cohort member. One pass over the persons.
 *
 * <p>Conventions: activity before the cohort's own period does not count (engagement before the first purchase);
 * the cohort's own period is offset 0, so with purchase cohorts and purchase activity it is always 100%; the last
 * period of the data is marked partial when the data end before it does; revenue is the paid orders' amounts
 * (refunds and cancellations left out), in the periods from the cohort's own onwards.
 */
public final class Retention {

    private static final int CHECK_EVERY = 1 << 15;
    private static final long DAY = 86_400;

    private Retention() {
    }

    public static RetentionResult run(ActivitySnapshot snapshot, RetentionSettings settings, TaskContext context)
            throws RetentionException {
        return run(snapshot, settings, Optional.empty(), context);
    }

    /** Retention of {@code population} only (a saved segment, say), or of everyone when it is empty. */
    public static RetentionResult run(ActivitySnapshot snapshot, RetentionSettings settings,
                                      Optional<BitSet> population, TaskContext context) throws RetentionException {
        if (population.isPresent() && population.get().isEmpty()) {
            throw new RetentionException("retention.error.emptyPopulation");
        }
        long firstTime = snapshot.firstTime();
        if (firstTime == ActivitySnapshot.NO_TIME) {
            throw new RetentionException("retention.error.noData");
        }
        long lastTime = snapshot.lastTime();
        Period period = settings.period();
        Period.Days days = period.days(Math.floorDiv(firstTime, DAY),
                Math.floorDiv(lastTime, DAY));
        int lastPeriod = days.ofSecond(lastTime);
        LocalDate dataEnd = LocalDate.ofEpochDay(Math.floorDiv(lastTime, DAY));
        boolean lastIsPartial = dataEnd.isBefore(period.end(lastPeriod));

        int persons = snapshot.persons();
        int[] cohortOf = new int[persons];
        int[] platformOf = new int[persons];
        int firstPeriod = Integer.MAX_VALUE;
        long withoutFollowDate = 0;
        long members = 0;
        BitSet chosen = population.orElse(null);
        for (int p = 0; p < persons; p++) {
            if (chosen != null && !chosen.get(p)) {
                cohortOf[p] = Integer.MIN_VALUE;
                continue;
            }
            long at = cohortTime(snapshot, settings.cohort(), p);
            if (at == ActivitySnapshot.NO_TIME) {
                cohortOf[p] = Integer.MIN_VALUE;
                if (settings.cohort() == CohortBasis.FOLLOW && p < snapshot.followers()) {
                    withoutFollowDate++;
                }
                continue;
            }
            cohortOf[p] = days.ofSecond(at);
            firstPeriod = Math.min(firstPeriod, cohortOf[p]);
            platformOf[p] = acquisitionPlatform(snapshot, settings.cohort(), p);
            members++;
        }
        if (members == 0) {
            String key = settings.cohort() == CohortBasis.PURCHASE ? "retention.error.noBuyers"
                    : "retention.error.noFollowDates";
            throw new RetentionException(chosen == null ? key : key + "Here");
        }
        int span = lastPeriod - firstPeriod + 1;
        int offsets = settings.maxPeriods() == 0 ? span : Math.min(span, settings.maxPeriods());
        long[] size = new long[span];
        long[][] active = new long[span][];
        double[][] revenue = new double[span][];
        for (int c = 0; c < span; c++) {
            int observed = Math.min(offsets, span - c);
            active[c] = new long[observed];
            revenue[c] = new double[observed];
        }
        TreeMap<Integer, PlatformSums> platforms = new TreeMap<>();
        int[] seen = new int[offsets];
        Arrays.fill(seen, -1);
        double[] personRevenue = new double[offsets];
        Streaks streaks = new Streaks();
        int follow = snapshot.kindCode(ActivitySnapshot.FOLLOW);
        boolean engagement = settings.activity() == Activity.ENGAGEMENT;

        int[] eventStart = snapshot.eventStart();
        int[] orderStart = snapshot.orderStart();
        long[] eventTime = snapshot.eventTime();
        short[] eventKind = snapshot.eventKind();
        long[] orderTime = snapshot.orderTime();
        double[] amount = snapshot.orderAmount();
        for (int p = 0; p < persons; p++) {
            if ((p & (CHECK_EVERY - 1)) == 0) {
                context.checkCancelled();
                context.progress(p, persons);
            }
            if (cohortOf[p] == Integer.MIN_VALUE) {
                continue;
            }
            int c = cohortOf[p] - firstPeriod;
            size[c]++;
            int observed = active[c].length;
            Arrays.fill(personRevenue, 0, observed, 0);
            for (int o = orderStart[p]; o < orderStart[p + 1]; o++) {
                int k = days.ofSecond(orderTime[o]) - cohortOf[p];
                if (k < 0 || k >= observed) {
                    continue;
                }
                personRevenue[k] += amount[o];
                if (seen[k] != p) {
                    seen[k] = p;
                    active[c][k]++;
                }
            }
            if (engagement) {
                for (int e = eventStart[p]; e < eventStart[p + 1]; e++) {
                    if (eventKind[e] == follow) {
                        continue;
                    }
                    int k = days.ofSecond(eventTime[e]) - cohortOf[p];
                    if (k >= 0 && k < observed && seen[k] != p) {
                        seen[k] = p;
                        active[c][k]++;
                    }
                }
            }
            PlatformSums sums = platforms.computeIfAbsent(platformOf[p], id -> new PlatformSums(offsets));
            sums.members++;
            double cumulative = 0;
            for (int k = 0; k < observed; k++) {
                cumulative += personRevenue[k];
                revenue[c][k] += personRevenue[k];
                sums.revenue[k] += cumulative;
                sums.observed[k]++;
            }
            streaks.add(snapshot, p, engagement, follow);
        }

        List<Cohort> cohorts = new ArrayList<>();
        int shownFrom = settings.maxCohorts() == 0 ? 0 : Math.max(0, span - settings.maxCohorts());
        long emptyCohorts = 0;
        for (int c = shownFrom; c < span; c++) {
            int number = firstPeriod + c;
            Label label = Label.named(period.label(number), period.label(number));
            if (size[c] == 0) {
                emptyCohorts++;
                cohorts.add(new Cohort(label, number, 0, List.of()));
                continue;
            }
            List<RetentionCell> cells = new ArrayList<>();
            double cumulative = 0;
            for (int k = 0; k < active[c].length; k++) {
                cumulative += revenue[c][k];
                cells.add(new RetentionCell(k, active[c][k], Proportion.of(active[c][k], size[c]), cumulative / size[c],
                        lastIsPartial && number + k == lastPeriod));
            }
            cohorts.add(new Cohort(label, number, size[c], cells));
        }
        List<PlatformRevenue> byPlatform = new ArrayList<>();
        platforms.forEach((id, sums) -> {
            List<PlatformRevenue.Point> points = new ArrayList<>();
            for (int k = 0; k < offsets && sums.observed[k] > 0; k++) {
                points.add(new PlatformRevenue.Point(k, sums.observed[k], sums.revenue[k] / sums.observed[k]));
            }
            byPlatform.add(new PlatformRevenue(snapshot.platformLabel(id), sums.members, points));
        });
        List<Reason> notes = new ArrayList<>();
        if (emptyCohorts > 0) {
            notes.add(Reason.of("retention.note.emptyCohorts", emptyCohorts));
        }
        if (lastIsPartial) {
            notes.add(Reason.of("retention.note.partialPeriod", period.label(lastPeriod), dataEnd));
        }
        if (withoutFollowDate > 0) {
            notes.add(Reason.of("retention.note.withoutFollowDate", withoutFollowDate));
        }
        if (snapshot.refundsLeftOut() > 0) {
            notes.add(Reason.of("funnel.note.refundsLeftOut", snapshot.refundsLeftOut()));
        }
        if (snapshot.guestOrdersLeftOut() > 0) {
            notes.add(Reason.of("funnel.note.guestOrdersLeftOut", snapshot.guestOrdersLeftOut()));
        }
        return new RetentionResult(settings, cohorts, byPlatform, streaks.result(), dataEnd, notes);
    }

    /** When person {@code p} joined the cohorts: their first paid order, or their follow; NO_TIME for never. */
    static long cohortTime(ActivitySnapshot snapshot, CohortBasis basis, int p) {
        if (basis == CohortBasis.PURCHASE) {
            int first = snapshot.orderStart()[p];
            return first < snapshot.orderStart()[p + 1] ? snapshot.orderTime()[first] : ActivitySnapshot.NO_TIME;
        }
        return p < snapshot.followers() ? snapshot.followedAt()[p] : ActivitySnapshot.NO_TIME;
    }

    private static int acquisitionPlatform(ActivitySnapshot snapshot, CohortBasis basis, int p) {
        if (basis == CohortBasis.PURCHASE) {
            int platform = snapshot.orderPlatform()[snapshot.orderStart()[p]];
            if (platform != ActivitySnapshot.NONE) {
                return platform;
            }
        }
        return snapshot.personPlatform()[p];
    }

    private static final class PlatformSums {
        long members;
        final double[] revenue;
        final long[] observed;

        PlatformSums(int offsets) {
            revenue = new double[offsets];
            observed = new long[offsets];
        }
    }

    /** Collects each person's ratio of their longest run of consecutive active days to their active days. */
    private static final class Streaks {
        private final long[] bins = new long[10];
        private double[] ratios = new double[1024];
        private int people;
        private long singleDay;

        void add(ActivitySnapshot snapshot, int p, boolean engagement, int follow) {
            int o = snapshot.orderStart()[p];
            int oEnd = snapshot.orderStart()[p + 1];
            int e = engagement ? snapshot.eventStart()[p] : 0;
            int eEnd = engagement ? snapshot.eventStart()[p + 1] : 0;
            long previous = Long.MIN_VALUE;
            int activeDays = 0;
            int run = 0;
            int longest = 0;
            while (o < oEnd || e < eEnd) {
                long time;
                if (e < eEnd && snapshot.eventKind()[e] == follow) {
                    e++;
                    continue;
                }
                if (o < oEnd && (e >= eEnd || snapshot.orderTime()[o] <= snapshot.eventTime()[e])) {
                    time = snapshot.orderTime()[o++];
                } else {
                    time = snapshot.eventTime()[e++];
                }
                long day = Math.floorDiv(time, DAY);
                if (day == previous) {
                    continue;
                }
                activeDays++;
                run = day == previous + 1 ? run + 1 : 1;
                longest = Math.max(longest, run);
                previous = day;
            }
            if (activeDays == 0) {
                return;
            }
            if (activeDays == 1) {
                singleDay++;
                return;
            }
            double ratio = StreakRatios.ratio(longest, activeDays);
            bins[Math.min(9, (int) Math.floor(ratio * 10 + 1e-9))]++;
            if (people == ratios.length) {
                ratios = Arrays.copyOf(ratios, people * 2);
            }
            ratios[people++] = ratio;
        }

        StreakRatios result() {
            List<Long> counts = new ArrayList<>();
            for (long bin : bins) {
                counts.add(bin);
            }
            if (people == 0) {
                return new StreakRatios(0, singleDay, counts, Optional.empty(), Optional.empty());
            }
            double[] sorted = Arrays.copyOf(ratios, people);
            Arrays.sort(sorted);
            double sum = 0;
            for (double ratio : sorted) {
                sum += ratio;
            }
            double h = (people - 1) * 0.5;
            int below = (int) Math.floor(h);
            double median = below >= people - 1 ? sorted[people - 1]
                    : sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]);
            return new StreakRatios(people, singleDay, counts, Optional.of(sum / people), Optional.of(median));
        }
    }
}
