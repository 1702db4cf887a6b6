package com.campaignstudio.drivers;

import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-follower table read from the demo project, and what the regression finds in it against what the generator
 * planted (FollowerSimulation.walkFunnel): only followers who clicked can buy, and WeChat's planted register and
 * purchase rates (0.65 x 0.45) are far above Kuaishou's (0.40 x 0.22).
 */
class DemoDriversTest {

    @TempDir
    static Path folder;
    static Project project;
    static DriverTable table;

    @BeforeAll
    static void generate() throws Exception {
        project = DemoProjects.create(ProjectLocations.under(folder.resolve("home")), folder.resolve("demo.campaign"),
                DemoSize.SMALL, DemoProjects.DEFAULT_SEED, TaskContext.silent());
        table = new DriverTableReader(project.database()).read(TaskContext.silent());
    }

    @AfterAll
    static void close() throws Exception {
        project.close();
    }

    @Test
    void oneRowPerFollowerWithItsPaidOrders() throws Exception {
        long[] expected = project.database().read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT COUNT(*), (SELECT COUNT(*) FROM customer_order "
                         + "WHERE status = 'paid' AND follower_id IS NOT NULL), (SELECT COUNT(DISTINCT follower_id) "
                         + "FROM customer_order WHERE status = 'paid') FROM follower")) {
                rs.next();
                return new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
        });

        assertEquals(expected[0], table.size());
        assertEquals(expected[1], (long) Arrays.stream(table.orders()).sum());
        assertEquals(expected[2], table.buyers());
        assertTrue(table.inputs().containsAll(List.of(DriverInput.VIEWS, DriverInput.CLICKS,
                DriverInput.WATCH_MINUTES, DriverInput.TENURE_DAYS, DriverInput.PLATFORM)), table.inputs().toString());
        assertFalse(table.inputs().contains(DriverInput.SEGMENT), "no saved segmentation, so no segment input");
    }

    @Test
    void clicksAndWeChatGoWithBuyingAsPlanted() throws Exception {
        DriversResult result = Drivers.fit(table, Outcome.BOUGHT, List.of(DriverInput.CLICKS, DriverInput.PLATFORM),
                TaskContext.silent());

        Term clicks = result.terms().getFirst();
        Term wechat = level(result, "wechat");
        Term kuaishou = level(result, "kuaishou");
        assertTrue(clicks.low() > 0, "clicks: " + clicks);
        assertTrue(wechat.low() > kuaishou.high(), wechat + " against " + kuaishou);
        assertEquals(table.size(), result.rows());
    }

    @Test
    void theSegmentInputNeedsASavedSegmentation() {
        DriversException refused = org.junit.jupiter.api.Assertions.assertThrows(DriversException.class,
                () -> Drivers.fit(table, Outcome.BOUGHT, List.of(DriverInput.SEGMENT), TaskContext.silent()));

        assertEquals("drivers.error.no.segmentation", refused.reason().key());
    }

    private static Term level(DriversResult result, String level) {
        return result.terms().stream().filter(term -> level.equals(term.level())).findFirst().orElseThrow();
    }
}
