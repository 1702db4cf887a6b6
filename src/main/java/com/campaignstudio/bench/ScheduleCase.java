package com.campaignstudio.bench;

import com.campaignstudio.schedule.Goal;
import com.campaignstudio.schedule.PlannedPost;
import com.campaignstudio.schedule.PlatformModel;
import com.campaignstudio.schedule.Rate;
import com.campaignstudio.schedule.ScheduleModel;
import com.campaignstudio.schedule.SchedulePlan;
import com.campaignstudio.schedule.Simulator;
import com.campaignstudio.schedule.Slots;
import com.campaignstudio.schedule.Suggester;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The schedule's interactive figures on eight synthetic platforms: re-simulating a 50-post week with 10,000 draws
 * after one post moved (what dragging costs), and suggesting a 30-post week over 7 × 24 hours × 8 platforms.
 */
final class ScheduleCase {

    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 11, 30, 0, 0);
    private static final List<String> PLATFORMS = List.of("weibo", "wechat", "douyin", "kuaishou", "xiaohongshu",
            "zhihu", "bilibili", "channels");
    private static final int MOVES = 40;

    private ScheduleCase() {
    }

    static BenchResult resimulate(String name) {
        ScheduleModel model = model();
        SplittableRandom random = new SplittableRandom(5);
        List<PlannedPost> posts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            posts.add(PlannedPost.of(PLATFORMS.get(i % PLATFORMS.size()), MONDAY.plusHours(random.nextInt(7 * 24)),
                    "video"));
        }
        HeapPeak.reset();
        long started = System.nanoTime();
        Simulator simulator = new Simulator(model);
        simulator.simulate(SchedulePlan.week(MONDAY, posts));
        double firstMs = (System.nanoTime() - started) / 1e6;
        double[] moveMs = new double[MOVES];
        for (int move = 0; move < MOVES; move++) {
            int which = random.nextInt(posts.size());
            posts.set(which, posts.get(which).movedTo(posts.get(which).platform(),
                    MONDAY.plusHours(random.nextInt(7 * 24))));
            long t = System.nanoTime();
            simulator.simulate(SchedulePlan.week(MONDAY, posts));
            moveMs[move] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(moveMs);
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("draws", Integer.toString(model.draws()));
        extra.put("first_ms", format(firstMs));
        extra.put("move_median_ms", format(moveMs[MOVES / 2]));
        extra.put("move_p90_ms", format(moveMs[(int) (MOVES * 0.9)]));
        return new BenchResult(name, posts.size(), moveMs[MOVES / 2] / 1000, HeapPeak.megabytes(), extra);
    }

    static BenchResult suggest(String name) {
        ScheduleModel model = model();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            counts.merge(PLATFORMS.get(i % PLATFORMS.size()), 1, Integer::sum);
        }
        Suggester suggester = new Suggester(model);
        Map<String, String> extra = new LinkedHashMap<>();
        double[] ms = new double[5];
        HeapPeak.reset();
        for (Goal goal : Goal.values()) {
            for (int run = 0; run < ms.length; run++) {
                long t = System.nanoTime();
                suggester.suggest(new Suggester.Request(SchedulePlan.week(MONDAY, List.of()), counts, Map.of(), goal,
                        MONDAY, Map.of()));
                ms[run] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            extra.put(goal.key() + "_median_ms", format(ms[ms.length / 2]));
        }
        return new BenchResult(name, 30, ms[ms.length / 2] / 1000, HeapPeak.megabytes(), extra);
    }

    private static ScheduleModel model() {
        SplittableRandom random = new SplittableRandom(17);
        Map<String, PlatformModel> platforms = new LinkedHashMap<>();
        for (String code : PLATFORMS) {
            double mean = 0.03 + 0.04 * random.nextDouble();
            double[] rates = new double[Slots.COUNT];
            double[] sd = new double[Slots.COUNT];
            for (int s = 0; s < Slots.COUNT; s++) {
                rates[s] = mean * (0.5 + random.nextDouble());
                sd[s] = rates[s] * 0.1;
            }
            platforms.put(code, new PlatformModel(code, true, rates, sd, mean, mean * 0.2,
                    Math.log(2) / (4 + 40 * random.nextDouble()), 0.2, Math.log(2000 + 8000 * random.nextDouble()),
                    0.7, 0.05, Map.of("article", 0.6), Map.of("article", 0.5), 1.6, 0.01, Rate.counted(400, 1000), Rate.counted(90, 400), 299,
                    12, 250, 30));
        }
        return new ScheduleModel(platforms, 0.5, 10_000, 1);
    }

    private static String format(double ms) {
        return String.format(Locale.ROOT, "%.2f", ms);
    }
}
