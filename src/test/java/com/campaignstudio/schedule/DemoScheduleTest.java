package com.campaignstudio.schedule;

import com.campaignstudio.demo.DemoGenerator;
import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.demo.PlantedTruth;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.project.ProjectMetadata;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the default demo project (160 posts on each of 7 platforms) the best-time rates and the reach decay recover
 * what the generator planted (ContentSimulation): a post's engagement rate is the platform's base rate x the
 * weekday's effect x the hour's effect x log-normal noise (sigma 0.15); its reach snapshots follow
 * 1 - e^(-lambda t) with lambda = ln 2 / (platform half-life x format multiplier), 2% noise per snapshot.
 */
class DemoScheduleTest {

    @TempDir
    static Path folder;
    static Project project;
    static PlantedTruth truth;
    static PostHistory history;
    static ZoneId zone;

    @BeforeAll
    static void generate() throws Exception {
        project = DemoProjects.create(ProjectLocations.under(folder.resolve("home")), folder.resolve("demo.campaign"),
                DemoSize.DEFAULT, DemoProjects.DEFAULT_SEED, TaskContext.silent());
        truth = DemoGenerator.fromJson(project.metadata().get(ProjectMetadata.PLANTED_TRUTH).orElseThrow());
        zone = ZoneId.of(project.metadata().get(ProjectMetadata.TIME_ZONE).orElseThrow());
        history = PostHistory.read(project.database());
    }

    @AfterAll
    static void close() {
        project.close();
    }

    @Test
    void everyPostIsReadWithItsPlatformAndNoneIsLeftOut() {
        assertEquals(7 * DemoSize.DEFAULT.postsPerPlatform(), history.size());
        assertEquals(0, history.leftOut());
        for (String platform : PlantedTruth.platforms()) {
            SlotRates rates = SlotRates.compute(history, SlotQuery.of(platform, zone));
            assertEquals(DemoSize.DEFAULT.postsPerPlatform(), rates.postsUsed(), platform);
            assertTrue(rates.hasHistory());
        }
    }

    /**
     * The slots' engagements over what each platform's rate would give their impressions, pooled over the platforms
     * (the demo plants the same effects on all), split into a weekday and an hour effect by alternating
     * (multiplicative raking), each normalised to mean 1 and compared with the planted effects normalised alike.
     * Tolerances: a post's rate varies by about 16% about its slot's (log-normal 0.15 and binomial noise), and
     * impressions vary (log-normal 0.6, which cuts the effective count by 1.43); a weekday has about 160 posts, so
     * its estimate has a standard error of 0.16 / sqrt(112) = 1.5% and the test allows 6% (4 standard errors);
     * an hour has about 47, standard error 0.16 / sqrt(33) = 2.8%, and the test allows 12%.
     */
    @Test
    void thePlantedWeekdayAndHourEffectsComeBackFromTheSlots() {
        double[][] engagements = new double[7][24];
        double[][] expected = new double[7][24];
        for (String platform : PlantedTruth.platforms()) {
            SlotRates rates = SlotRates.compute(history, SlotQuery.of(platform, zone));
            for (int weekday = 0; weekday < 7; weekday++) {
                for (int hour = 0; hour < 24; hour++) {
                    engagements[weekday][hour] += rates.engagements(weekday, hour);
                    expected[weekday][hour] += rates.platformRate() * rates.impressions(weekday, hour);
                }
            }
        }
        double[] weekdayEffect = new double[7];
        double[] hourEffect = new double[24];
        Arrays.fill(weekdayEffect, 1);
        Arrays.fill(hourEffect, 1);
        for (int round = 0; round < 50; round++) {
            for (int weekday = 0; weekday < 7; weekday++) {
                double observed = 0;
                double base = 0;
                for (int hour = 0; hour < 24; hour++) {
                    observed += engagements[weekday][hour];
                    base += expected[weekday][hour] * hourEffect[hour];
                }
                weekdayEffect[weekday] = observed / base;
            }
            for (int hour = 0; hour < 24; hour++) {
                double observed = 0;
                double base = 0;
                for (int weekday = 0; weekday < 7; weekday++) {
                    observed += engagements[weekday][hour];
                    base += expected[weekday][hour] * weekdayEffect[weekday];
                }
                hourEffect[hour] = observed / base;
            }
        }
        double[] plantedWeekday = normalised(truth.weekdayEffect());
        double[] plantedHour = normalised(truth.hourEffect());
        weekdayEffect = normalised(weekdayEffect);
        hourEffect = normalised(hourEffect);
        for (int weekday = 0; weekday < 7; weekday++) {
            assertEquals(plantedWeekday[weekday], weekdayEffect[weekday], 0.06 * plantedWeekday[weekday],
                    "weekday " + weekday);
        }
        for (int hour = 0; hour < 24; hour++) {
            assertEquals(plantedHour[hour], hourEffect[hour], 0.12 * plantedHour[hour], "hour " + hour);
        }
    }

    /** The best slot of the pooled heat map lies in the planted evening peak (19:00-22:00, effects 1.25-1.55). */
    @Test
    void theTopSlotsOfEveryPlatformLeanToThePlantedEveningPeak() {
        int evening = 0;
        int slots = 0;
        for (String platform : PlantedTruth.platforms()) {
            for (SlotRates.Slot slot : SlotRates.compute(history, SlotQuery.of(platform, zone)).top(5)) {
                slots++;
                if (slot.hour() >= 19 && slot.hour() <= 22) {
                    evening++;
                }
                assertTrue(slot.lift() > 0, platform);
            }
        }
        // 4 of 24 hours: by chance a sixth of the top slots would fall there.
        assertTrue(evening >= slots / 2, evening + " of " + slots);
    }

    /**
     * Per platform and format, lambda from the snapshots within 10% of the planted one. About 16 to 80 posts with 10
     * snapshots each and 2% noise give a standard error of 1-2%; snapshots are also held monotone and at most the
     * post's reach, which biases lambda by a little, hence 10%.
     */
    @Test
    void eachPlatformsAndFormatsDecayComesBackFromTheSnapshots() throws Exception {
        for (String platform : PlantedTruth.platforms()) {
            for (String format : truth.formatHalfLifeMultiplier().keySet()) {
                ReachDecay.DecayFit fit = ReachDecay.fit(project.database(), platform, Optional.of(format), 1L);
                double planted = truth.reachLambda(platform, format);
                assertEquals(ReachDecay.Source.SNAPSHOTS, fit.source(), platform + " " + format);
                assertEquals(planted, fit.lambda(), 0.10 * planted, platform + " " + format);
                assertTrue(fit.r2() > 0.95, platform + " " + format + " R2 " + fit.r2());
            }
        }
    }

    private static double[] normalised(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        return Arrays.stream(values).map(value -> value / mean).toArray();
    }
}
