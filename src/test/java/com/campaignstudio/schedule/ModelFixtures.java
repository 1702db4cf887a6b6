package com.campaignstudio.schedule;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Platform models with known figures for the simulator's and suggester's tests. */
final class ModelFixtures {

    /** Counts so large that a counted rate is as good as certain. */
    static final long CERTAIN = 1_000_000_000_000L;

    private ModelFixtures() {
    }

    /** A platform whose every figure is exact: reach {@code reach}, rate {@code rate} in every slot. */
    static PlatformModel exact(String code, double reach, double halfLifeHours, double rate) {
        double[] rates = new double[Slots.COUNT];
        Arrays.fill(rates, rate);
        return exact(code, reach, halfLifeHours, rates);
    }

    static PlatformModel exact(String code, double reach, double halfLifeHours, double[] slotRates) {
        double mean = Arrays.stream(slotRates).average().orElseThrow();
        return new PlatformModel(code, true, slotRates, new double[Slots.COUNT], mean, 0,
                Math.log(2) / halfLifeHours, 0, Math.log(reach), 0, 0, Map.of("article", 0.5), Map.of("article", 0.5), 2.0, 0.01,
                counted(0.5), counted(0.2), 100, 0, 0, 4.0);
    }

    static Rate counted(double rate) {
        return Rate.counted(Math.round(rate * CERTAIN), CERTAIN);
    }

    /** Slot rates around {@code mean} that differ by up to ±{@code spread} of it, seeded. */
    static double[] randomRates(double mean, double spread, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] rates = new double[Slots.COUNT];
        for (int s = 0; s < rates.length; s++) {
            rates[s] = mean * (1 + spread * (2 * random.nextDouble() - 1));
        }
        return rates;
    }

    static ScheduleModel model(double fatigue, PlatformModel... platforms) {
        Map<String, PlatformModel> map = new LinkedHashMap<>();
        for (PlatformModel platform : platforms) {
            map.put(platform.platform(), platform);
        }
        return new ScheduleModel(map, fatigue, 2_000, 7);
    }
}
