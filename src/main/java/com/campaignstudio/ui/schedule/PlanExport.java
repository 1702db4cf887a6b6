package com.campaignstudio.ui.schedule;

import com.campaignstudio.schedule.PlanCalendar;
import com.campaignstudio.schedule.PlanCsv;
import com.campaignstudio.schedule.SchedulePlan;
import com.campaignstudio.schedule.Simulation;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.shell.FileQuestions;
import com.campaignstudio.work.BackgroundRunner;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The plan out of the application: an iCalendar file a phone's calendar opens (each post an event with a reminder
 * and, once simulated, what it should bring), or a CSV of the plan that {@code schedule simulate} and a spreadsheet
 * read. Written in the background; the file is asked for through the window's file questions.
 */
final class PlanExport {

    private final UiText text;
    private final BackgroundRunner runner;
    private final FileQuestions files;

    PlanExport(UiText text, BackgroundRunner runner, FileQuestions files) {
        this.text = text;
        this.runner = runner;
        this.files = files;
    }

    void calendar(SchedulePlan plan, Optional<Simulation> simulation, ZoneId zone, Window owner) {
        ask(plan, "ics", text.get("schedule.export.calendarKind"), owner).ifPresent(target -> {
            Map<String, String> names = new LinkedHashMap<>();
            plan.posts().forEach(post -> names.put(post.platform(), text.platform(post.platform())));
            PlanCalendar calendar = new PlanCalendar(zone, names, text.bundle());
            write(target, out -> calendar.write(plan, simulation, Instant.now(), out), owner);
        });
    }

    void csv(SchedulePlan plan, Optional<Simulation> simulation, Window owner) {
        ask(plan, "csv", "CSV", owner).ifPresent(target -> write(target, out -> PlanCsv.write(plan, simulation, out),
                owner));
    }

    private Optional<Path> ask(SchedulePlan plan, String extension, String kind, Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.get("export.saveTitle"));
        chooser.setInitialFileName(text.get("schedule.export.fileName", plan.start().toLocalDate()) + "." + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, "*." + extension));
        File target = files.ask(chooser, FileQuestions.Kind.SAVE, owner);
        return Optional.ofNullable(target).map(File::toPath);
    }

    private void write(Path target, PlanWriter writer, Window owner) {
        runner.run(text.get("export.saving", target.getFileName()), context -> {
            try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                writer.write(out);
            }
            return target;
        }, written -> { }, failure -> new Dialogs(text, owner).unexpected(failure));
    }

    @FunctionalInterface
    private interface PlanWriter {
        void write(Writer out) throws Exception;
    }
}
