package com.campaignstudio.budget;

import com.campaignstudio.budget.BanditSimulation.Regret;
import com.campaignstudio.budget.BanditSimulation.Setup;
import com.campaignstudio.budget.BanditSimulation.Strategy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BanditSimulationTest {

    private static final Setup THREE_CREATIVES = new Setup(List.of(0.02, 0.03, 0.05), 10_000, 14, 0.2, 200, 42);

    @Test
    void anEvenSplitLosesWhatTheArmRatesSay() {
        // 10,000 x (0.05 - 0.0333) = 166.7 conversions; a run's regret varies by about sqrt(sum n p (1 - p)) = 18, so
        // the mean of 200 runs is within 4 x 18 / sqrt(200) = 5.1 of it.
        Regret even = BanditSimulation.run(THREE_CREATIVES).get(Strategy.EVEN_SPLIT);
        assertEquals(BanditSimulation.evenSplitRegret(THREE_CREATIVES), even.mean(), 5.1);
        assertEquals(10_000 * (0.05 - 0.1 / 3), BanditSimulation.evenSplitRegret(THREE_CREATIVES), 1e-9);
        assertEquals(1.0 / 3, even.meanShare()[2], 1e-3);
        assertTrue(even.low() < even.mean() && even.mean() < even.high());
    }

    @Test
    void learningStrategiesLoseLessThanAnEvenSplitAndThompsonSendsMostToTheBest() {
        Map<Strategy, Regret> regrets = BanditSimulation.run(THREE_CREATIVES);
        double even = regrets.get(Strategy.EVEN_SPLIT).mean();
        assertTrue(regrets.get(Strategy.THOMPSON).mean() < even, regrets.toString());
        assertTrue(regrets.get(Strategy.TEST_THEN_COMMIT).mean() < even, regrets.toString());
        double[] thompsonShare = regrets.get(Strategy.THOMPSON).meanShare();
        assertTrue(thompsonShare[2] > 0.6, "Thompson's share of the best creative: " + thompsonShare[2]);
        assertEquals(1, thompsonShare[0] + thompsonShare[1] + thompsonShare[2], 1e-9);
    }

    @Test
    void theSameSeedGivesTheSameRegretsAndBadSetupsAreRefused() {
        Setup small = new Setup(List.of(0.1, 0.2), 500, 5, 0.3, 20, 9);
        assertEquals(BanditSimulation.run(small).get(Strategy.THOMPSON).mean(),
                BanditSimulation.run(small).get(Strategy.THOMPSON).mean());
        assertThrows(IllegalArgumentException.class, () -> new Setup(List.of(0.1), 500, 5, 0.3, 20, 9));
        assertThrows(IllegalArgumentException.class, () -> new Setup(List.of(0.1, 1.2), 500, 5, 0.3, 20, 9));
        assertThrows(IllegalArgumentException.class, () -> new Setup(List.of(0.1, 0.2), 500, 5, 1, 20, 9));
    }
}
