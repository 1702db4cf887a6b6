package com.campaignstudio.ui.schedule;

import com.campaignstudio.schedule.PlannedPost;
import com.campaignstudio.schedule.SchedulePlan;
import com.campaignstudio.ui.common.UiText;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.ColumnConstraints;
import javafx.beans.binding.Bindings;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The planner's calendar: a column per day of the period, a row per hour, each post a chip in its hour. A palette
 * chip dropped on an hour adds a post there; a post's chip dragged to another hour moves it. The keyboard does the
 * same to the selected post: arrows move it by an hour (up, down) or a day (left, right), Delete removes it. Hours
 * already past are greyed, and a post in one is marked.
 */
final class CalendarGrid {

    /** What the calendar asks of the planner; indices are positions in the plan's posts. */
    interface Edits {
        void add(String platform, LocalDateTime at);

        void move(int index, LocalDateTime at);

        void remove(int index);

        void select(int index);
    }

    static final double HOUR_HEIGHT = 24;
    static final double DAY_WIDTH = 86;
    static final double HOUR_LABEL_WIDTH = 52;
    /** The hour at the top of a period newly shown: few post at night. */
    static final int FIRST_HOUR_SHOWN = 8;

    private final UiText text;
    private final Edits edits;
    private final GridPane grid = new GridPane();
    private final ScrollPane scroll = new ScrollPane(grid);
    /** How far the hours are scrolled down: the day titles move down as much, so that they stay in sight. */
    private final javafx.beans.binding.DoubleBinding scrolledDown;
    /** How far the days are scrolled sideways: the hour labels move as much, so that they stay in sight. */
    private final javafx.beans.binding.DoubleBinding scrolledRight;
    private final List<VBox> cells = new ArrayList<>();
    private SchedulePlan plan;
    private LocalDate shownStart;
    private int shownDays;
    private int selected = -1;

    CalendarGrid(UiText text, Edits edits) {
        this.text = text;
        this.edits = edits;
        grid.getStyleClass().add("calendar");
        scroll.getStyleClass().add("calendar-scroll");
        scroll.setId("calendar");
        scroll.setPannable(false);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(HOUR_LABEL_WIDTH + DAY_WIDTH * 2);
        scroll.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        scrolledDown = Bindings.createDoubleBinding(() -> -scroll.getViewportBounds().getMinY(),
                scroll.viewportBoundsProperty());
        scrolledRight = Bindings.createDoubleBinding(() -> -scroll.getViewportBounds().getMinX(),
                scroll.viewportBoundsProperty());
    }

    ScrollPane node() {
        return scroll;
    }

    /** The hour's cell, for tests and for scrolling to it. */
    static String cellId(int day, int hour) {
        return "cell-" + day + "-" + hour;
    }

    static String chipId(int index) {
        return "post-" + index;
    }

    /**
     * Shows {@code shown}: the days and hours laid out again only when the period changed, the chips always.
     *
     * @param known platforms the model knows (others' chips are marked as left out)
     */
    void show(SchedulePlan shown, int selectedIndex, LocalDateTime now, PlatformChips colours, Set<String> known) {
        plan = shown;
        selected = selectedIndex;
        LocalDate start = shown.start().toLocalDate();
        if (!start.equals(shownStart) || shown.days() != shownDays) {
            layOut(start, shown.days());
            javafx.application.Platform.runLater(() -> reveal(FIRST_HOUR_SHOWN, 0));
        }
        for (int i = 0; i < cells.size(); i++) {
            VBox cell = cells.get(i);
            cell.getChildren().clear();
            boolean past = shown.start().plusHours(i + 1).isBefore(now) || shown.start().plusHours(i + 1).equals(now);
            setClass(cell, "calendar-cell-past", past);
        }
        List<PlannedPost> posts = shown.posts();
        for (int index = 0; index < posts.size(); index++) {
            PlannedPost post = posts.get(index);
            if (!shown.covers(post.at())) {
                continue;
            }
            int hour = (int) Math.floor(shown.hoursFromStart(post.at()));
            cells.get(hour).getChildren().add(chip(index, post, post.at().isBefore(now), colours,
                    known.contains(post.platform())));
            if (index == selectedIndex) {
                javafx.application.Platform.runLater(() -> reveal(hour % 24, hour / 24));
            }
        }
    }

    /** Scrolls the calendar, if need be, so that the hour of the day shows. */
    private void reveal(int hour, int day) {
        grid.applyCss();
        grid.layout();
        VBox cell = cells.get(day * 24 + hour);
        javafx.geometry.Bounds bounds = cell.getBoundsInParent();
        javafx.geometry.Bounds viewport = scroll.getViewportBounds();
        double hiddenHeight = grid.getHeight() - viewport.getHeight();
        double top = -viewport.getMinY();
        if (hiddenHeight > 0 && (bounds.getMinY() < top + HOUR_HEIGHT || bounds.getMaxY() > top + viewport.getHeight())) {
            scroll.setVvalue(Math.clamp((bounds.getMinY() - HOUR_HEIGHT) / hiddenHeight, 0, 1));
        }
        double hiddenWidth = grid.getWidth() - viewport.getWidth();
        double left = -viewport.getMinX();
        if (hiddenWidth > 0 && (bounds.getMinX() < left + HOUR_LABEL_WIDTH || bounds.getMaxX() > left + viewport.getWidth())) {
            scroll.setHvalue(Math.clamp((bounds.getMinX() - HOUR_LABEL_WIDTH) / hiddenWidth, 0, 1));
        }
    }

    private void layOut(LocalDate start, int days) {
        shownStart = start;
        shownDays = days;
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();

        // Cells in plan-hour order, day by day and hour by hour, as show() indexes them.
        cells.clear();
        grid.getColumnConstraints().add(new ColumnConstraints(HOUR_LABEL_WIDTH));
        Region corner = new Region();
        corner.getStyleClass().add("calendar-day");
        pinned(corner);
        corner.translateXProperty().bind(scrolledRight);
        corner.setViewOrder(-2);
        grid.add(corner, 0, 0);
        DateTimeFormatter dayTitle = PlannerFormats.dayTitle(text);
        for (int day = 0; day < days; day++) {
            ColumnConstraints column = new ColumnConstraints(DAY_WIDTH, DAY_WIDTH, Double.MAX_VALUE);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
            Label title = new Label(start.plusDays(day).format(dayTitle));
            title.getStyleClass().add("calendar-day");
            title.setAlignment(Pos.CENTER);
            title.setMaxWidth(Double.MAX_VALUE);
            pinned(title);
            grid.add(title, day + 1, 0);
        }
        for (int hour = 0; hour < 24; hour++) {
            Label label = new Label(String.format("%02d:00", hour));
            label.getStyleClass().add("calendar-hour");
            label.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            label.translateXProperty().bind(scrolledRight);
            label.setViewOrder(-1);
            grid.add(label, 0, hour + 1);
        }
        for (int day = 0; day < days; day++) {
            for (int hour = 0; hour < 24; hour++) {
                VBox cell = new VBox(1);
                cell.setId(cellId(day, hour));
                cell.getStyleClass().add("calendar-cell");
                cell.setMinHeight(HOUR_HEIGHT);
                LocalDateTime at = start.atStartOfDay().plusDays(day).plusHours(hour);
                cell.setOnDragOver(event -> accept(event));
                cell.setOnDragEntered(event -> setClass(cell, "calendar-cell-target", isOurs(event)));
                cell.setOnDragExited(event -> setClass(cell, "calendar-cell-target", false));
                cell.setOnDragDropped(event -> dropped(event, at));
                grid.add(cell, day + 1, hour + 1);
                cells.add(cell);
            }
        }
    }

    /** A day title stays at the top of the view however far the hours are scrolled, drawn over them (and an hour label
     * at the left however far the days are). */
    private void pinned(Region title) {
        title.translateYProperty().bind(scrolledDown);
        title.setViewOrder(-1);
        title.setMaxHeight(Double.MAX_VALUE);
    }

    private Label chip(int index, PlannedPost post, boolean past, PlatformChips colours, boolean known) {
        String name = text.platform(post.platform());
        Label chip = new Label(post.topic().isBlank() ? name : name + " \u00b7 " + post.topic());
        chip.setId(chipId(index));
        chip.getStyleClass().addAll("post-chip", colours.colourClass(post.platform()));
        chip.setMaxWidth(Double.MAX_VALUE);
        setClass(chip, "post-chip-selected", index == selected);
        setClass(chip, "post-chip-past", past);
        List<String> tip = new ArrayList<>();
        tip.add(name + ", " + text.get("value.format." + post.format()) + ", "
                + post.at().format(PlannerFormats.postTime(text)));
        if (post.locked()) {
            tip.add(text.get("schedule.planner.lockedTip"));
        }
        if (past) {
            tip.add(text.get("schedule.planner.pastTip"));
        }
        if (!known) {
            tip.add(text.get("schedule.planner.unknownTip"));
        }
        setClass(chip, "post-chip-locked", post.locked());
        chip.setTooltip(new Tooltip(String.join("\n", tip)));
        chip.setOnMouseClicked(event -> {
            edits.select(index);
            scroll.requestFocus();
            event.consume();
        });
        chip.setOnDragDetected(event -> {
            ClipboardContent content = new ClipboardContent();
            content.put(PlanDrag.MOVE_POST, index);
            chip.startDragAndDrop(TransferMode.MOVE).setContent(content);
            edits.select(index);
            event.consume();
        });
        return chip;
    }

    private static boolean isOurs(DragEvent event) {
        return PlanDrag.added(event.getDragboard()).isPresent() || PlanDrag.moved(event.getDragboard()).isPresent();
    }

    private static void accept(DragEvent event) {
        if (isOurs(event)) {
            event.acceptTransferModes(TransferMode.COPY_OR_MOVE);
        }
        event.consume();
    }

    private void dropped(DragEvent event, LocalDateTime at) {
        boolean ours = isOurs(event);
        PlanDrag.added(event.getDragboard()).ifPresent(platform -> edits.add(platform, at));
        PlanDrag.moved(event.getDragboard()).ifPresent(index -> edits.move(index, at));
        event.setDropCompleted(ours);
        event.consume();
    }

    private void keyPressed(KeyEvent event) {
        if (plan == null || selected < 0 || selected >= plan.posts().size() || event.isShortcutDown()) {
            return;
        }
        LocalDateTime at = plan.posts().get(selected).at();
        LocalDateTime target = switch (event.getCode()) {
            case UP -> at.minusHours(1);
            case DOWN -> at.plusHours(1);
            case LEFT -> at.minusDays(1);
            case RIGHT -> at.plusDays(1);
            default -> null;
        };
        if (target != null) {
            if (plan.covers(target)) {
                edits.move(selected, target);
            }
            event.consume();
        } else if (event.getCode() == KeyCode.DELETE || event.getCode() == KeyCode.BACK_SPACE) {
            edits.remove(selected);
            event.consume();
        }
    }

    private static void setClass(javafx.scene.Node node, String styleClass, boolean on) {
        if (on && !node.getStyleClass().contains(styleClass)) {
            node.getStyleClass().add(styleClass);
        } else if (!on) {
            node.getStyleClass().remove(styleClass);
        }
    }
}
