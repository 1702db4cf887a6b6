package com.campaignstudio.experiments;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.snapshot.ActivitySnapshot;
import com.campaignstudio.snapshot.SnapshotReader;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Variants counted from a small hand-made project, every count worked out by hand in the comments: campaigns from
 * their spend rows (unknown counts left out and said so), landing posts from the people who saw them and paid within
 * the window (its last second in, the next one out; refunds out; the first visit on the chosen days), overlapping
 * visitors said so, and a segment as the population.
 */
class ProjectVariantsTest {

    private static final LocalDateTime T = LocalDateTime.of(2026, 1, 5, 9, 0, 30);
    private static final ProjectVariants.Item SPRING = new ProjectVariants.Item(1, "Spring ads");
    private static final ProjectVariants.Item SUMMER = new ProjectVariants.Item(2, "Summer ads");
    private static final ProjectVariants.Item EMPTY = new ProjectVariants.Item(3, "No spend");
    private static final ProjectVariants.Item UNKNOWN = new ProjectVariants.Item(4, "Only unknown");
    private static final ProjectVariants.Item LESSON = new ProjectVariants.Item(1, "Free lesson");
    private static final ProjectVariants.Item DISCOUNT = new ProjectVariants.Item(2, "Discount page");
    private static final ProjectVariants.PostCounting VIEWS_7_DAYS =
            new ProjectVariants.PostCounting(ProjectVariants.PostCounting.VIEW, 7);
    private static final ProjectVariants.Days FROM_T =
            new ProjectVariants.Days(Optional.of(T.toLocalDate()), Optional.empty());

    @TempDir
    Path folder;

    private Project project() throws Exception {
        Project project = Project.create(ProjectLocations.under(folder.resolve("home")), folder.resolve("p.campaign"),
                ZoneId.of("Asia/Shanghai"));
        project.database().transaction(c -> {
            campaigns(c);
            posts(c);
            return null;
        });
        return project;
    }

    private static void campaigns(Connection c) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO campaign (id, name) VALUES (?, ?)")) {
            for (ProjectVariants.Item item : List.of(SPRING, SUMMER, EMPTY, UNKNOWN)) {
                insert.setLong(1, item.id());
                insert.setString(2, item.name());
                insert.executeUpdate();
            }
        }
        spend(c, 1, "2026-01-01", 100L, 5L);
        spend(c, 1, "2026-01-02", 50L, 2L);
        spend(c, 1, "2026-01-03", null, 3L);
        spend(c, 1, "2026-01-10", 40L, 1L);
        spend(c, 2, "2026-01-02", 80L, 8L);
        spend(c, 2, "2026-01-04", 20L, null);
        spend(c, 4, "2026-01-02", null, null);
    }

    private static void spend(Connection c, long campaign, String day, Long clicks, Long conversions)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO spend (spent_on, platform_id, campaign_id, "
                + "amount, clicks, conversions) VALUES (?, 1, ?, 10, ?, ?)")) {
            insert.setDate(1, Date.valueOf(day));
            insert.setLong(2, campaign);
            insert.setObject(3, clicks);
            insert.setObject(4, conversions);
            insert.executeUpdate();
        }
    }

    /**
     * Posts 1 (lesson), 2 (discount), 3 (not chosen); followers 1 to 8:
     * 1 views 1 at T, pays at T + 7 days exactly, clicks 1 at T + 1 day;
     * 2 views 1 at T, pays at T + 7 days + 1 second;
     * 3 views 1 at T and 2 at T + 1 hour, only a refunded order at T + 1 day;
     * 4 views 2 at T, clicks 2 at T + 1 hour, paid the day before T;
     * 5 views 2 at T - 3 days and T + 2 days, pays at T + 8 days (6 days after the second view, 11 after the first);
     * 6 views post 3 only and pays; 7 views 1 at T and pays an hour later; 8 only likes post 1.
     */
    private static void posts(Connection c) throws SQLException {
        for (int p = 1; p <= 3; p++) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO post (id, platform_id, external_id, "
                    + "published_at, format, topic) VALUES (?, 1, ?, ?, 'video', ?)")) {
                insert.setLong(1, p);
                insert.setString(2, "p" + p);
                insert.setTimestamp(3, Timestamp.valueOf(T.minusDays(10)));
                insert.setString(4, p == 1 ? LESSON.name() : p == 2 ? DISCOUNT.name() : null);
                insert.executeUpdate();
            }
        }
        for (long f = 1; f <= 8; f++) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO follower (id, platform_id, external_id) VALUES (?, 1, ?)")) {
                insert.setLong(1, f);
                insert.setString(2, "f" + f);
                insert.executeUpdate();
            }
        }
        event(c, 1, T, "view", 1);
        event(c, 1, T.plusDays(1), "click", 1);
        order(c, "o1", 1, T.plusDays(7), "paid");
        event(c, 2, T, "view", 1);
        order(c, "o2", 2, T.plusDays(7).plusSeconds(1), "paid");
        event(c, 3, T, "view", 1);
        event(c, 3, T.plusHours(1), "view", 2);
        order(c, "o3", 3, T.plusDays(1), "refunded");
        event(c, 4, T, "view", 2);
        event(c, 4, T.plusHours(1), "click", 2);
        order(c, "o4", 4, T.minusDays(1), "paid");
        event(c, 5, T.minusDays(3), "view", 2);
        event(c, 5, T.plusDays(2), "view", 2);
        order(c, "o5", 5, T.plusDays(8), "paid");
        event(c, 6, T, "view", 3);
        order(c, "o6", 6, T.plusHours(1), "paid");
        event(c, 7, T, "view", 1);
        order(c, "o7", 7, T.plusHours(1), "paid");
        event(c, 8, T, "like", 1);
    }

    private static void event(Connection c, long follower, LocalDateTime at, String kind, long post)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO engagement (follower_id, occurred_at, kind, post_id) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, follower);
            insert.setTimestamp(2, Timestamp.valueOf(at));
            insert.setString(3, kind);
            insert.setLong(4, post);
            insert.executeUpdate();
        }
    }

    private static void order(Connection c, String ref, long follower, LocalDateTime at, String status)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO customer_order (order_ref, customer_ref, "
                + "follower_id, amount, paid_at, status) VALUES (?, ?, ?, 99, ?, ?)")) {
            insert.setString(1, ref);
            insert.setString(2, "c" + follower);
            insert.setLong(3, follower);
            insert.setTimestamp(4, Timestamp.valueOf(at));
            insert.setString(5, status);
            insert.executeUpdate();
        }
    }

    private static List<String> keys(ProjectVariants.Counted counted) {
        return counted.notes().stream().map(Reason::key).toList();
    }

    @Test
    void campaignsCountTheirKnownClicksAndConversionsOnTheChosenDaysAndSayWhatWasUnknown() throws Exception {
        try (Project project = project()) {
            ProjectVariants.Days january = new ProjectVariants.Days(Optional.of(LocalDate.of(2026, 1, 1)),
                    Optional.of(LocalDate.of(2026, 1, 5)));
            ProjectVariants.Counted counted = ProjectVariants.fromCampaigns(project.database(),
                    List.of(SPRING, SUMMER), january);
            // Spring: 100 + 50 clicks, 5 + 2 conversions; the row of 3 conversions with unknown clicks is out whole,
            // the row of 10 January is after the days. Summer: 80 and 8; its row of 20 clicks has unknown conversions.
            assertEquals(List.of(new Variant("Spring ads", 150, 7), new Variant("Summer ads", 80, 8)),
                    counted.variants());
            assertEquals(List.of(Reason.of("experiment.project.note.campaigns"),
                    Reason.of("experiment.project.note.unknownCounts", "Spring ads", 1, 3),
                    Reason.of("experiment.project.note.unknownCounts", "Summer ads", 1, 2)), counted.notes());

            ProjectVariants.Counted allDays = ProjectVariants.fromCampaigns(project.database(),
                    List.of(SUMMER, SPRING), ProjectVariants.Days.ALL);
            assertEquals(List.of(new Variant("Summer ads", 80, 8), new Variant("Spring ads", 190, 8)),
                    allDays.variants(), "in the order chosen; every day counts 10 January's 40 and 1 in");
        }
    }

    @Test
    void campaignsWithoutCountsOrTooFewChosenAreRefusedWithAReason() throws Exception {
        try (Project project = project()) {
            assertEquals("experiment.project.error.noSpend", assertThrows(ExperimentException.class, () ->
                    ProjectVariants.fromCampaigns(project.database(), List.of(SPRING, EMPTY),
                            ProjectVariants.Days.ALL)).reason().key());
            assertEquals(Reason.of("experiment.project.error.campaignUnknownCounts", "Only unknown"),
                    assertThrows(ExperimentException.class, () -> ProjectVariants.fromCampaigns(project.database(),
                            List.of(SPRING, UNKNOWN), ProjectVariants.Days.ALL)).reason());
            assertEquals(Reason.of("experiment.project.error.tooFew", 1), assertThrows(ExperimentException.class,
                    () -> ProjectVariants.fromCampaigns(project.database(), List.of(SPRING),
                            ProjectVariants.Days.ALL)).reason());
            assertEquals("experiment.project.error.noSpend", assertThrows(ExperimentException.class, () ->
                    ProjectVariants.fromCampaigns(project.database(), List.of(SPRING, SUMMER),
                            new ProjectVariants.Days(Optional.of(LocalDate.of(2026, 1, 4)),
                                    Optional.of(LocalDate.of(2026, 1, 9))))).reason().key(),
                    "Spring has no spend row from 4 to 9 January");
        }
    }

    @Test
    void landingPostsCountDistinctViewersAndThoseWhoPaidWithinTheWindowItsLastSecondIncluded() throws Exception {
        try (Project project = project()) {
            ActivitySnapshot snapshot = SnapshotReader.read(project.database(), TaskContext.silent());
            ProjectVariants.Counted counted = ProjectVariants.fromPosts(snapshot, List.of(LESSON, DISCOUNT), FROM_T,
                    VIEWS_7_DAYS, Optional.empty(), TaskContext.silent());
            // Lesson: viewers 1, 2, 3, 7; paid within 7 days: 1 (exactly 7 days) and 7; 2 a second late, 3 refunded.
            // Discount: viewers 3, 4, 5 (5 first on the chosen days at T + 2 days); paid within: 5 only.
            assertEquals(List.of(new Variant("Free lesson", 4, 2), new Variant("Discount page", 3, 1)),
                    counted.variants());
            assertTrue(keys(counted).contains("experiment.project.note.posts.view"));
            assertTrue(counted.notes().contains(Reason.of("experiment.project.note.overlap", 1)),
                    "follower 3 saw both: " + counted.notes());
            assertTrue(keys(counted).contains("experiment.project.note.windowOpen"),
                    "follower 5's window ends at T + 9 days, after the data's last order at T + 8 days");

            ProjectVariants.Counted everyDay = ProjectVariants.fromPosts(snapshot, List.of(LESSON, DISCOUNT),
                    ProjectVariants.Days.ALL, VIEWS_7_DAYS, Optional.empty(), TaskContext.silent());
            assertEquals(new Variant("Discount page", 3, 0), everyDay.variants().get(1),
                    "from follower 5's first view at T - 3 days the order is 11 days on");

            ProjectVariants.Counted longer = ProjectVariants.fromPosts(snapshot, List.of(LESSON, DISCOUNT), FROM_T,
                    new ProjectVariants.PostCounting(ProjectVariants.PostCounting.VIEW, 8), Optional.empty(),
                    TaskContext.silent());
            assertEquals(new Variant("Free lesson", 4, 3), longer.variants().getFirst(),
                    "with 8 days follower 2's order is in");
        }
    }

    @Test
    void clicksInsteadOfViewsASegmentAndPostsWithoutVisitorsOrOverlap() throws Exception {
        try (Project project = project()) {
            ActivitySnapshot snapshot = SnapshotReader.read(project.database(), TaskContext.silent());
            ProjectVariants.Counted clicks = ProjectVariants.fromPosts(snapshot, List.of(LESSON, DISCOUNT), FROM_T,
                    new ProjectVariants.PostCounting(ProjectVariants.PostCounting.CLICK, 7), Optional.empty(),
                    TaskContext.silent());
            // Lesson: follower 1 clicked at T + 1 day, paid 6 days later; discount: follower 4, who paid before.
            assertEquals(List.of(new Variant("Free lesson", 1, 1), new Variant("Discount page", 1, 0)),
                    clicks.variants());
            assertFalse(keys(clicks).contains("experiment.project.note.overlap"), "nobody clicked both");

            ProjectVariants.Counted segment = ProjectVariants.fromPosts(snapshot, List.of(LESSON, DISCOUNT), FROM_T,
                    VIEWS_7_DAYS, Optional.of(Set.of(1L, 2L, 3L, 4L, 5L)), TaskContext.silent());
            assertEquals(List.of(new Variant("Free lesson", 3, 1), new Variant("Discount page", 3, 1)),
                    segment.variants(), "follower 7, outside the segment, is left out");

            ProjectVariants.Item third = new ProjectVariants.Item(3, "p3");
            assertEquals(Reason.of("experiment.project.error.noVisitors", "p3"),
                    assertThrows(ExperimentException.class, () -> ProjectVariants.fromPosts(snapshot,
                            List.of(LESSON, third), FROM_T, VIEWS_7_DAYS, Optional.of(Set.of(1L)),
                            TaskContext.silent())).reason(), "follower 6 viewed post 3 but is not in the segment");
            assertEquals("experiment.project.error.emptySegment", assertThrows(ExperimentException.class, () ->
                    ProjectVariants.fromPosts(snapshot, List.of(LESSON, DISCOUNT), FROM_T, VIEWS_7_DAYS,
                            Optional.of(Set.of(99L)), TaskContext.silent())).reason().key());
        }
    }

    @Test
    void thePostListNamesPostsByTopicOrTheirIdOnThePlatformAndTellsTwinsApart() throws Exception {
        try (Project project = project()) {
            project.database().transaction(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO post (id, platform_id, external_id, "
                        + "published_at, format, topic) VALUES (4, 2, 'p4', ?, 'video', 'Free lesson')")) {
                    insert.setTimestamp(1, Timestamp.valueOf(T.minusDays(10)));
                    insert.executeUpdate();
                }
                return null;
            });
            List<ProjectVariants.Item> posts = ProjectVariants.posts(project.database());
            assertEquals(List.of("Free lesson \u00b7 2025-12-26 \u00b7 p1", "Discount page \u00b7 2025-12-26",
                    "p3 \u00b7 2025-12-26", "Free lesson \u00b7 2025-12-26 \u00b7 p4"),
                    posts.stream().map(ProjectVariants.Item::name).toList(), "post 4 shares post 1's topic and day");
            assertEquals(List.of("No spend", "Only unknown", "Spring ads", "Summer ads"),
                    ProjectVariants.campaigns(project.database()).stream().map(ProjectVariants.Item::name).toList());
        }
    }
}
