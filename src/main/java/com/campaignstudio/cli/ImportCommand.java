package com.campaignstudio.cli;

import com.campaignstudio.importer.ColumnMapping;
import com.campaignstudio.importer.EntityKind;
import com.campaignstudio.importer.Field;
import com.campaignstudio.importer.ImportException;
import com.campaignstudio.importer.ImportPlan;
import com.campaignstudio.importer.ImportReport;
import com.campaignstudio.importer.Importer;
import com.campaignstudio.importer.MappingPreset;
import com.campaignstudio.importer.MappingSuggester;
import com.campaignstudio.importer.NewPlatform;
import com.campaignstudio.importer.OrderNotes;
import com.campaignstudio.importer.PlatformChoices;
import com.campaignstudio.importer.PresetStore;
import com.campaignstudio.importer.RowRejection;
import com.campaignstudio.importer.TabularSource;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.settings.AppDirectories;
import com.campaignstudio.work.TaskContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Imports one export file into a project, creating the project if needed, and saves it. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import an export (CSV, TSV or another separator, or an XLSX workbook) into a project "
                + "(created if it does not exist) and save it.")
final class ImportCommand implements Callable<Integer> {

    @Option(names = "--project", paramLabel = "FILE", required = true, description = "The project file (.campaign).")
    Path projectFile;

    @Option(names = "--file", paramLabel = "EXPORT", required = true, description = "The export to import.")
    Path file;

    @Option(names = "--as", paramLabel = "KIND", required = true,
            description = "What the file holds: followers, engagement, posts, orders, products, spend, live-sessions, reach-snapshots.")
    String as;

    @Option(names = "--preset", paramLabel = "NAME", description = "A mapping preset: ${COMPLETION-CANDIDATES}, or one saved in the app.",
            completionCandidates = PresetNames.class)
    String preset;

    @Option(names = "--platform", paramLabel = "CODE", description = "The platform of every row, for a platform's own export.")
    String platform;

    @Option(names = "--map", paramLabel = "FIELD=HEADER", description = "FIELD=HEADER: read FIELD from the column HEADER (repeatable).")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--on-duplicate", paramLabel = "update|skip", defaultValue = "update",
            description = "Rows the project already has: update or skip. Default: ${DEFAULT-VALUE}.")
    ImportPlan.Duplicates duplicates;

    @Option(names = "--all-or-nothing", description = "Import nothing when any row is rejected.")
    boolean allOrNothing;

    /** What to do with a platform name the project does not know. */
    enum NewPlatforms { ADD, REJECT }

    @Option(names = "--new-platforms", paramLabel = "add|reject", defaultValue = "add", description = "Platform names the project does not know: "
            + "add them as new platforms (reported), or reject their rows. Default: ${DEFAULT-VALUE}.")
    NewPlatforms newPlatforms;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        EntityKind kind = EntityKind.fromCliName(as).orElseThrow(() -> new IllegalArgumentException(
                "--as " + as + " is not one of followers, engagement, posts, orders, products, spend, live-sessions, reach-snapshots"));
        ProjectLocations locations = ProjectOption.locations();
        ColumnMapping mapping = mapping(kind);
        boolean created = !Files.exists(projectFile);
        Project project = created ? Project.create(locations, projectFile, ZoneId.of("Asia/Shanghai"))
                : Project.open(locations, projectFile);
        boolean saving = false;
        try {
            ImportPlan plan = new ImportPlan(file, kind, mapping, duplicates,
                    allOrNothing ? ImportPlan.RejectionPolicy.ALL_OR_NOTHING : ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS)
                    .withPlatforms(newPlatforms == NewPlatforms.ADD ? PlatformChoices.ADD_NEW : PlatformChoices.REJECT_NEW);
            ImportReport report = new Importer(project.database()).run(plan, TaskContext.silent());
            print(report);
            if (report.committed() && report.accepted() + report.updated() > 0) {
                saving = true;
                ProjectOption.save(project);
            }
            return report.committed() && report.accepted() + report.updated() + report.skipped() > 0 ? 0 : 1;
        } finally {
            if (created && !saving) {
                // A project made for an import that brought nothing would be an empty file the user did not ask for;
                // deleted while this process still holds the project's lock.
                Files.deleteIfExists(projectFile);
            }
            project.close();
        }
    }

    private ColumnMapping mapping(EntityKind kind) throws Exception {
        List<String> headers;
        try (TabularSource source = TabularSource.open(file)) {
            headers = source.headers();
        }
        ColumnMapping mapping;
        if (preset != null) {
            PresetStore store = new PresetStore(AppDirectories.current().presetsFile());
            List<String> available = store.presetsFor(kind).stream().map(MappingPreset::name).toList();
            MappingPreset chosen = store.named(preset).orElseThrow(() -> new IllegalArgumentException(
                    "no preset " + preset + "; presets for " + as + ": " + String.join(", ", available)));
            if (!chosen.kind().equals(kind.cliName())) {
                throw new IllegalArgumentException("the preset " + preset + " is for " + chosen.kind() + ", not " + as);
            }
            mapping = chosen.apply(kind, headers);
        } else {
            mapping = MappingSuggester.suggest(kind, headers);
        }
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            int column = headers.indexOf(override.getValue());
            if (kind.field(override.getKey()).isEmpty() || column < 0) {
                throw new IllegalArgumentException("--map " + override.getKey() + "=" + override.getValue()
                        + ": no such field or column; columns are: " + String.join(", ", headers));
            }
            mapping = mapping.withColumn(override.getKey(), column);
        }
        if (platform != null) {
            mapping = mapping.withConstant("platform", platform);
        }
        List<Field> missing = mapping.missing(kind);
        if (!missing.isEmpty()) {
            throw new ImportException(file.getFileName() + ": no column found for "
                    + String.join(", ", missing.stream().map(Field::key).toList())
                    + " (columns are: " + String.join(", ", headers) + "); name one with --map FIELD=HEADER"
                    + (missing.stream().anyMatch(f -> f.key().equals("platform")) ? " or give --platform" : ""));
        }
        return mapping;
    }

    private void print(ImportReport report) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, report);
            return;
        }
        out.printf("%s -> %s%n", report.file(), report.kind().cliName());
        if (report.sameFileImportedBefore()) {
            out.println("note: a file with the same content was imported before");
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("read", report.rowsRead());
        counts.put("accepted", report.accepted());
        counts.put("updated", report.updated());
        counts.put("skipped", report.skipped());
        counts.put("rejected", report.rejected());
        if (report.kind() == EntityKind.ORDERS) {
            counts.put("linked_to_followers", report.linkedToFollowers());
        }
        Output.table(out, List.of(counts));
        for (NewPlatform platform : report.newPlatforms()) {
            out.printf("new platform: %s (%s, %s), %d row(s)%n", platform.name(), platform.code(),
                    platform.known() ? "known" : "named only in this file", platform.rows());
        }
        if (report.kind() == EntityKind.ORDERS) {
            printOrderNotes(out, report.orders());
        }
        if (!report.committed()) {
            out.println("nothing was imported: --all-or-nothing and " + report.rejected() + " row(s) were rejected");
        }
        if (!report.rejections().isEmpty()) {
            out.println();
            out.println("rejected rows:");
            Output.table(out, report.rejections().stream().map(ImportCommand::row).toList());
        }
    }

    private static void printOrderNotes(PrintWriter out, OrderNotes notes) {
        if (notes.lines() > 0) {
            out.printf("order lines: %d%n", notes.lines());
        }
        if (notes.refundsAndCancellations() > 0) {
            out.printf("refunds and cancellations: %d (kept, never counted as purchases)%n", notes.refundsAndCancellations());
        }
        if (notes.guestOrders() > 0) {
            out.printf("guest orders (no customer id): %d (counted in revenue, left out of per-customer models)%n",
                    notes.guestOrders());
        }
        if (notes.noFollower() + notes.otherPlatform() > 0) {
            out.printf("not linked to a follower: %d with no follower of that id, %d whose follower is on another "
                    + "platform%n", notes.noFollower(), notes.otherPlatform());
        }
    }

    private static Map<String, Object> row(RowRejection rejection) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("row", rejection.row());
        row.put("column", rejection.column());
        row.put("value", rejection.value());
        row.put("reason", rejection.reason().english());
        return row;
    }

    static final class PresetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return MappingPreset.shipped().stream().map(MappingPreset::name).iterator();
        }
    }
}
