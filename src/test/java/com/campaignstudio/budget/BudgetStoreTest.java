package com.campaignstudio.budget;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saved budget splits keep their inputs (a maximum of none included) and their intervals, by name. */
class BudgetStoreTest {

    @TempDir
    Path folder;

    @Test
    void aSavedSplitReadsBackAsSavedAndIsReplacedAndDeletedByName() throws Exception {
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("locks")),
                folder.resolve("p.campaign"), ZoneId.of("Asia/Shanghai"))) {
            BudgetStore store = new BudgetStore(project.database());
            BudgetStore.Inputs inputs = BudgetStore.Inputs.of(BudgetGoal.LTV, 20_000, 4, List.of("douyin", "weibo"),
                    List.of(new BudgetOptimizer.Bounds(1_000, Double.POSITIVE_INFINITY),
                            new BudgetOptimizer.Bounds(0, 5_000)));
            BudgetPlan.Row douyin = new BudgetPlan.Row("douyin", 12_000, 15_000, new Estimate(30_000, 25_000, 36_000),
                    new Estimate(2_000, 1_500, 2_600), Optional.of(new Estimate(1.9, 1.5, 2.2)),
                    new Estimate(0.8, 0.6, 1.0), false, false);
            BudgetPlan.Row weibo = new BudgetPlan.Row("weibo", 8_000, 5_000, new Estimate(6_000, 4_000, 8_000),
                    new Estimate(500, 300, 700), Optional.empty(), new Estimate(0.8, 0.5, 1.1), false, true);
            BudgetStore.Results results = BudgetStore.Results.of(new BudgetPlan.Result(List.of(douyin, weibo),
                    new Estimate(36_000, 30_000, 43_000), 20_000, 0));

            assertFalse(store.save("  Plan A ", inputs, results));
            BudgetStore.Saved saved = store.load("Plan A").orElseThrow();
            assertEquals(inputs, saved.inputs());
            assertEquals(results, saved.results());
            assertNull(saved.inputs().maximums().getFirst(), "no maximum is kept as none");
            assertNull(saved.results().rows().get(1).roi(), "a row without return keeps none");

            assertTrue(store.save("Plan A", BudgetStore.Inputs.of(BudgetGoal.REVENUE, 1, 1, List.of(), List.of()),
                    new BudgetStore.Results(List.of(), new Estimate(0, 0, 0), 0, 1)));
            assertEquals(1, store.list().size());
            assertEquals(BudgetGoal.REVENUE, store.load("Plan A").orElseThrow().inputs().goal());
            assertTrue(store.delete("Plan A"));
            assertEquals(List.of(), store.list());
        }
    }

    /**
     * The first yuan on a concave curve at zero spend returns without bound, and an interval's top can be NaN: a
     * split holding them saves and reads back as it was.
     */
    @Test
    void aSplitWithAnUnboundedReturnSavesAndReadsBack() throws Exception {
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("locks")),
                folder.resolve("p.campaign"), ZoneId.of("Asia/Shanghai"))) {
            BudgetStore store = new BudgetStore(project.database());
            BudgetPlan.Row idle = new BudgetPlan.Row("zhihu", 0, 0, new Estimate(0, 0, 0), new Estimate(0, 0, 0),
                    Optional.empty(), new Estimate(Double.POSITIVE_INFINITY, 2.5, Double.NaN), true, false);
            BudgetStore.Results results = BudgetStore.Results.of(new BudgetPlan.Result(List.of(idle),
                    new Estimate(0, 0, 0), 0, 0));

            store.save("Idle", BudgetStore.Inputs.of(BudgetGoal.BUYERS, 0, 4, List.of("zhihu"),
                    List.of(BudgetOptimizer.Bounds.free())), results);

            Estimate marginal = store.load("Idle").orElseThrow().results().rows().getFirst().marginal();
            assertEquals(Double.POSITIVE_INFINITY, marginal.value());
            assertEquals(2.5, marginal.low());
            assertTrue(Double.isNaN(marginal.high()));
        }
    }
}
