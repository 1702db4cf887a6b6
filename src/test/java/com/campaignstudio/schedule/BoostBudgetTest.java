package com.campaignstudio.schedule;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The budget split's weekly boost spent on a plan's posts, and kept in the project. */
class BoostBudgetTest {

    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 12, 7, 0, 0);

    @TempDir
    Path folder;

    @Test
    void eachPlatformsBudgetIsSplitEvenlyOverItsPostsOfThePeriod() {
        SchedulePlan week = SchedulePlan.week(MONDAY, List.of(
                PlannedPost.of("douyin", MONDAY.plusHours(20), "video"),
                PlannedPost.of("douyin", MONDAY.plusDays(2).plusHours(21), "video").withLocked(true),
                PlannedPost.of("douyin", MONDAY.plusDays(4).plusHours(19), "video"),
                PlannedPost.of("weibo", MONDAY.plusDays(1).plusHours(12), "image")));

        BoostBudget.Spread spread = BoostBudget.spread(week, Map.of("douyin", 900.0, "zhihu", 300.0, "bilibili", 0.0));

        List<PlannedPost> posts = spread.plan().posts();
        assertEquals(List.of(300.0, 300.0, 300.0, 0.0), posts.stream().map(PlannedPost::boost).toList());
        assertTrue(posts.get(1).locked());
        assertEquals(week.posts().get(3), posts.get(3));
        assertEquals(List.of("zhihu"), spread.withoutPosts());
    }

    @Test
    void aMonthSpendsTheWeeklyBudgetForEachOfItsWeeks() {
        SchedulePlan month = new SchedulePlan(MONDAY.withDayOfMonth(1), 31, SchedulePlan.DEFAULT_TAIL_DAYS, List.of(
                PlannedPost.of("weibo", MONDAY.plusHours(12), "image"),
                PlannedPost.of("weibo", MONDAY.plusDays(9).plusHours(12), "image")));

        BoostBudget.Spread spread = BoostBudget.spread(month, Map.of("weibo", 700.0));

        // 700 a week over 31 days is 3,100, split over two posts.
        assertEquals(List.of(1550.0, 1550.0), spread.plan().posts().stream().map(PlannedPost::boost).toList());
    }

    @Test
    void theHandedOverBudgetIsKeptInTheProjectAndReplacedWhole() throws Exception {
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("home")),
                folder.resolve("p.campaign"), ZoneId.of("Asia/Shanghai"))) {
            BoostBudgetStore store = new BoostBudgetStore(project.database());
            assertEquals(Map.of(), store.load());

            store.save(Map.of("douyin", 2500.5, "weibo", 800.0));
            assertEquals(Map.of("douyin", 2500.5, "weibo", 800.0), store.load());

            store.save(Map.of("zhihu", 100.0));
            assertEquals(Map.of("zhihu", 100.0), store.load());
        }
    }
}
