package com.campaignstudio.schedule;

import com.campaignstudio.text.Reason;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The .ics file read back by ical4j, as a calendar application reads it. */
class PlanCalendarTest {

    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 12, 7, 0, 0);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant STAMP = Instant.parse("2026-11-26T11:30:00Z");
    private static final String LONG_TOPIC = "寒假学习营第二期：每天三十分钟，二十一天养成英语阅读习惯，名额有限先到先得🎉";

    private static final SchedulePlan PLAN = SchedulePlan.week(MONDAY, List.of(
            new PlannedPost("douyin", MONDAY.withHour(21), "video", "新课上线, 限时八折; 仅此一周", 0, false),
            new PlannedPost("weibo", MONDAY.plusDays(2).withHour(8).withMinute(30), "article", "", 0, false),
            new PlannedPost("xiaohongshu", MONDAY.plusDays(6).withHour(23), "image", LONG_TOPIC, 0, true)));

    @Test
    void ical4jReadsEveryPostAtItsInstantWithItsChineseSummaryAndAReminder() throws Exception {
        PlanCalendar calendar = new PlanCalendar(SHANGHAI, Map.of("douyin", "抖音", "weibo", "微博",
                "xiaohongshu", "小红书"), bundle(Locale.SIMPLIFIED_CHINESE));

        List<VEvent> events = parse(write(calendar, PLAN, Optional.empty())).getComponents("VEVENT");

        assertEquals(3, events.size());
        assertAll(
                () -> assertEquals(Instant.parse("2026-12-07T13:00:00Z"), start(events.get(0))),
                () -> assertEquals(Instant.parse("2026-12-09T00:30:00Z"), start(events.get(1))),
                () -> assertEquals(Instant.parse("2026-12-13T15:00:00Z"), start(events.get(2))),
                () -> assertEquals("抖音 · 视频 · 新课上线, 限时八折; 仅此一周", text(events.get(0), Property.SUMMARY)),
                () -> assertEquals("微博 · 文章", text(events.get(1), Property.SUMMARY)),
                () -> assertEquals("小红书 · 图文 · " + LONG_TOPIC, text(events.get(2), Property.SUMMARY)),
                () -> assertEquals("PT30M", text(events.get(0), Property.DURATION)),
                () -> assertEquals(Optional.empty(), events.get(0).getProperty(Property.DESCRIPTION),
                        "without a simulation there is nothing to predict"));
        for (VEvent event : events) {
            List<VAlarm> alarms = event.getAlarms();
            assertEquals(1, alarms.size());
            assertEquals(Duration.ofMinutes(-15), alarms.getFirst().getTrigger().orElseThrow().getDuration());
            assertEquals("DISPLAY", alarms.getFirst().getAction().orElseThrow().getValue());
        }
    }

    @Test
    void theCalendarHasTheHeaderPropertiesAndIsValid() throws Exception {
        PlanCalendar calendar = new PlanCalendar(SHANGHAI, Map.of(), bundle(Locale.ROOT));

        Calendar parsed = parse(write(calendar, PLAN, Optional.empty()));

        assertAll(
                () -> assertEquals("2.0", parsed.getProperty(Property.VERSION).orElseThrow().getValue()),
                () -> assertEquals("GREGORIAN", parsed.getProperty(Property.CALSCALE).orElseThrow().getValue()),
                () -> assertEquals("PUBLISH", parsed.getProperty(Property.METHOD).orElseThrow().getValue()),
                () -> assertTrue(parsed.getProperty(Property.PRODID).orElseThrow().getValue().contains("Campaign Studio")),
                () -> assertEquals("douyin · Video · 新课上线, 限时八折; 仅此一周",
                        text((VEvent) parsed.getComponents("VEVENT").getFirst(), Property.SUMMARY),
                        "a platform without a name is shown by its code"),
                // RFC 5545's rules for each event and its alarm. ical4j's iTIP check (RFC 5546) would also want an
                // ORGANIZER for PUBLISH, which a published calendar of one's own posts has not (nor have the
                // calendars Google and Apple export); phones open them as they are.
                () -> assertTrue(parsed.getComponents("VEVENT").stream().map(event -> ((VEvent) event).validate(true))
                        .allMatch(result -> !result.hasErrors()), "every event is valid"));
    }

    @Test
    void withASimulationEachEventDescribesItsPredictedReachAndBuyers() throws Exception {
        ScheduleModel model = ModelFixtures.model(0.5, ModelFixtures.exact("douyin", 100_000, 12, 0.05));
        Simulation simulation = new Simulator(model).simulate(PLAN);
        PlanCalendar calendar = new PlanCalendar(SHANGHAI, Map.of("douyin", "Douyin"), bundle(Locale.ROOT));

        List<VEvent> events = parse(write(calendar, PLAN, Optional.of(simulation))).getComponents("VEVENT");

        Outcome douyin = simulation.posts().getFirst().outcome();
        String expected = String.format(Locale.ROOT, "Expected reach %,d (80%% interval %,d to %,d)%n"
                        + "Expected buyers %s (80%% interval %s to %s)", Math.round(douyin.reach().mean()),
                Math.round(douyin.reach().low()), Math.round(douyin.reach().high()), tenths(douyin.buyers().mean()),
                tenths(douyin.buyers().low()), tenths(douyin.buyers().high())).replace(System.lineSeparator(), "\n");
        assertEquals(expected, text(events.getFirst(), Property.DESCRIPTION));
        assertTrue(douyin.buyers().mean() > 10, "a post with buyers to describe: " + douyin.buyers());
        assertEquals(Optional.empty(), events.get(1).getProperty(Property.DESCRIPTION),
                "weibo is not in the model, so it has no prediction");
    }

    @Test
    void twoIdenticalPostsEachDescribeTheirOwnPrediction() throws Exception {
        ScheduleModel model = ModelFixtures.model(0.5, ModelFixtures.exact("douyin", 100_000, 12, 0.05));
        PlannedPost post = PlannedPost.of("douyin", MONDAY.withHour(21), "video");
        SchedulePlan twice = SchedulePlan.week(MONDAY, List.of(post, post));
        Simulation simulation = new Simulator(model).simulate(twice);
        PlanCalendar calendar = new PlanCalendar(SHANGHAI, Map.of(), bundle(Locale.ROOT));

        List<VEvent> events = parse(write(calendar, twice, Optional.of(simulation))).getComponents("VEVENT");

        double second = simulation.posts().get(1).outcome().reach().mean();
        assertTrue(second < simulation.posts().get(0).outcome().reach().mean() * 0.6, "the second one is tired");
        assertTrue(text(events.get(1), Property.DESCRIPTION).startsWith(String.format(Locale.ROOT,
                "Expected reach %,d ", Math.round(second))), text(events.get(1), Property.DESCRIPTION));
    }

    @Test
    void aSummerTimeZoneGivesEachDateItsOwnOffset() throws Exception {
        LocalDateTime beforeChange = LocalDateTime.of(2026, 3, 28, 21, 0);
        SchedulePlan plan = SchedulePlan.week(LocalDateTime.of(2026, 3, 23, 0, 0), List.of(
                PlannedPost.of("douyin", beforeChange, "video"),
                PlannedPost.of("douyin", beforeChange.plusDays(1), "video")));
        PlanCalendar calendar = new PlanCalendar(ZoneId.of("Europe/Berlin"), Map.of(), bundle(Locale.ROOT));

        List<VEvent> events = parse(write(calendar, plan, Optional.empty())).getComponents("VEVENT");

        assertEquals(Instant.parse("2026-03-28T20:00:00Z"), start(events.get(0)), "CET, UTC+1");
        assertEquals(Instant.parse("2026-03-29T19:00:00Z"), start(events.get(1)), "CEST, UTC+2 from 29 March");
    }

    @Test
    void linesAreFoldedAt75OctetsWithoutSplittingACharacter() {
        String line = "SUMMARY:" + PlanCalendar.escape("小红书 · 图文 · " + LONG_TOPIC + LONG_TOPIC);

        List<String> folded = PlanCalendar.fold(line);

        assertTrue(folded.size() > 3, folded.toString());
        StringBuilder unfolded = new StringBuilder(folded.getFirst());
        for (int i = 0; i < folded.size(); i++) {
            byte[] octets = folded.get(i).getBytes(StandardCharsets.UTF_8);
            assertTrue(octets.length <= 75, i + ": " + octets.length);
            assertEquals(folded.get(i), new String(octets, StandardCharsets.UTF_8), "whole characters only");
            if (i > 0) {
                assertEquals(' ', folded.get(i).charAt(0));
                unfolded.append(folded.get(i).substring(1));
            }
        }
        assertEquals(line, unfolded.toString());
        assertEquals(List.of("SHORT:line"), PlanCalendar.fold("SHORT:line"));
    }

    @Test
    void textIsEscapedAsTheStandardSays() {
        assertEquals("a\\\\b\\;c\\,d\\ne\\nf", PlanCalendar.escape("a\\b;c,d\ne\r\nf"));
    }

    @Test
    void uidsStayTheSameForTheSamePostAndPlanAndDifferOtherwise() throws Exception {
        PlanCalendar calendar = new PlanCalendar(SHANGHAI, Map.of(), bundle(Locale.ROOT));
        PlannedPost post = PlannedPost.of("douyin", MONDAY.withHour(21), "video");
        SchedulePlan twice = SchedulePlan.week(MONDAY, List.of(post, post, PLAN.posts().get(1)));
        SchedulePlan moved = twice.withPosts(List.of(post, post.movedTo("douyin", MONDAY.withHour(22)),
                PLAN.posts().get(1)));

        List<String> first = uids(write(calendar, twice, Optional.empty()));
        List<String> again = uids(writeAt(calendar, twice, Instant.parse("2026-12-01T00:00:00Z")));
        List<String> afterMove = uids(write(calendar, moved, Optional.empty()));
        List<String> otherWeek = uids(write(calendar, SchedulePlan.week(MONDAY.plusDays(7), twice.posts()),
                Optional.empty()));

        assertEquals(first, again);
        assertEquals(3, first.stream().distinct().count(), "two identical posts are two events");
        assertEquals(List.of(first.get(0), first.get(2)), List.of(afterMove.get(0), afterMove.get(2)));
        assertNotEquals(first.get(1), afterMove.get(1));
        assertTrue(otherWeek.stream().noneMatch(first::contains));
    }

    private static List<String> uids(String ics) throws Exception {
        return parse(ics).getComponents("VEVENT").stream()
                .map(event -> ((VEvent) event).getProperty(Property.UID).orElseThrow().getValue()).toList();
    }

    private static String write(PlanCalendar calendar, SchedulePlan plan, Optional<Simulation> simulation)
            throws Exception {
        StringWriter out = new StringWriter();
        calendar.write(plan, simulation, STAMP, out);
        String ics = out.toString();
        assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
        assertTrue(ics.replace("\r\n", "").indexOf('\n') < 0, "every line ends with CRLF");
        return ics;
    }

    private static String writeAt(PlanCalendar calendar, SchedulePlan plan, Instant stamp) throws Exception {
        StringWriter out = new StringWriter();
        calendar.write(plan, Optional.empty(), stamp, out);
        return out.toString();
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static Instant start(VEvent event) {
        return Instant.from(event.getStartDate().orElseThrow().getDate());
    }

    private static String text(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }

    private static String tenths(double value) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(Locale.ROOT);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(Reason.BUNDLE, locale);
    }
}
