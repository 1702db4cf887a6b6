package com.campaignstudio.demo;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.project.ProjectOpenException;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Locale;

/** Creates demo project files. */
public final class DemoProjects {

    public static final long DEFAULT_SEED = 20261123L;

    private DemoProjects() {
    }

    /** As {@link #create(ProjectLocations, Path, DemoSize, long, Locale, TaskContext)}, with English names. */
    public static Project create(ProjectLocations locations, Path file, DemoSize size, long seed,
                                 TaskContext context) throws IOException, ProjectOpenException, SQLException {
        return create(locations, file, size, seed, Locale.ENGLISH, context);
    }

    /**
     * Creates a project at {@code file} filled with demo data and saved, and returns it open; regions, topics,
     * products and campaigns are named in {@code language}. A failed or cancelled run leaves no file behind.
     */
    public static Project create(ProjectLocations locations, Path file, DemoSize size, long seed, Locale language,
                                 TaskContext context) throws IOException, ProjectOpenException, SQLException {
        Files.deleteIfExists(file);
        Project project = Project.create(locations, file, ZoneId.of("Asia/Shanghai"));
        try {
            DemoGenerator generator = new DemoGenerator(PlantedTruth.standard(seed), language);
            project.database().transaction(connection -> {
                generator.generate(connection, size, context);
                return null;
            });
            context.message(Reason.of("stage.saving"));
            project.saveOverwriting(context);
            return project;
        } catch (SQLException | IOException | RuntimeException e) {
            project.close();
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** As {@link #create}, closing the project afterwards. */
    public static void write(ProjectLocations locations, Path file, DemoSize size, long seed, TaskContext context)
            throws IOException, ProjectOpenException, SQLException {
        create(locations, file, size, seed, context).close();
    }

    /** As {@link #create}, named in {@code language}, closing the project afterwards. */
    public static void write(ProjectLocations locations, Path file, DemoSize size, long seed, Locale language,
                             TaskContext context) throws IOException, ProjectOpenException, SQLException {
        create(locations, file, size, seed, language, context).close();
    }

}
