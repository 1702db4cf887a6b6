package com.campaignstudio.ui.common;

import javafx.geometry.Side;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ticks of the date axis fall on calendar boundaries, read differently, and thin out on a short axis. */
@ExtendWith(ApplicationExtension.class)
class DateAxisTest {

    private Group root;

    @Start
    void start(Stage stage) {
        root = new Group();
        stage.setScene(new Scene(root, 1000, 200));
        stage.show();
    }

    /** A tick's day and the label drawn for it. */
    private record Tick(LocalDate day, String label) {
    }

    @Test
    void twoYearsTickOnTheFirstOfMonthsWithoutRepeatingALabel() throws Exception {
        List<Tick> ticks = ticks("2024-10-01", "2026-09-30", 900);
        assertTrue(ticks.size() >= 4, "ticks: " + ticks);
        for (Tick tick : ticks) {
            assertEquals(1, tick.day().getDayOfMonth(), tick.toString());
            assertEquals(tick.day().toString().substring(0, 7), tick.label());
        }
        assertEquals(ticks.size(), new HashSet<>(ticks.stream().map(Tick::label).toList()).size(), ticks.toString());
    }

    @Test
    void sixWeeksTickOnMondays() throws Exception {
        List<Tick> ticks = ticks("2026-03-01", "2026-04-12", 900);
        assertEquals(6, ticks.size(), "the six Mondays from 2 March to 6 April: " + ticks);
        for (Tick tick : ticks) {
            assertEquals(DayOfWeek.MONDAY, tick.day().getDayOfWeek());
            assertEquals(tick.day().toString(), tick.label());
        }
    }

    @Test
    void aShortAxisShowsFewerTicksWithRoomForEachLabel() throws Exception {
        List<Tick> wide = ticks("2024-10-01", "2026-09-30", 900);
        List<Tick> narrow = ticks("2024-10-01", "2026-09-30", 240);
        assertTrue(narrow.size() < wide.size(), narrow + " against " + wide);
        assertTrue(narrow.size() * 50 <= 240, "at least 50 pixels a label: " + narrow);
    }

    /** The ticks laid out along {@code width} pixels for data from {@code first} to {@code last}. */
    private List<Tick> ticks(String first, String last, double width) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            DateAxis axis = new DateAxis();
            axis.setSide(Side.BOTTOM);
            root.getChildren().setAll(axis);
            axis.invalidateRange(List.of(LocalDate.parse(first).toEpochDay(), LocalDate.parse(last).toEpochDay()));
            axis.resize(width, 40);
            axis.layout();
            List<String> labels = axis.getChildrenUnmodifiable().stream().filter(Text.class::isInstance)
                    .map(Text.class::cast).filter(Text::isVisible).map(Text::getText).toList();
            List<Axis.TickMark<Number>> marks = axis.getTickMarks();
            assertEquals(marks.size(), labels.size(), "a label for every tick");
            return java.util.stream.IntStream.range(0, marks.size()).mapToObj(i -> new Tick(
                    LocalDate.ofEpochDay(marks.get(i).getValue().longValue()), labels.get(i))).toList();
        }).get();
    }
}
