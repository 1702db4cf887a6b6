package com.campaignstudio.cli;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.project.ProjectOpenException;
import com.campaignstudio.project.SaveConflictException;
import com.campaignstudio.settings.AppDirectories;
import com.campaignstudio.work.TaskContext;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --project} option shared by commands that read a project. */
final class ProjectOption {

    @Option(names = "--project", paramLabel = "FILE", required = true, description = "The project file (.campaign).")
    Path file;

    Project open() throws ProjectOpenException {
        Project project = Project.open(locations(), file);
        project.unrecoveredChanges().ifPresent(copy -> System.err.println("warning: " + file.getFileName()
                + ": the unsaved changes a crash left could not be read back, so the last saved version was opened "
                + "(the damaged copy is kept at " + copy + ")"));
        return project;
    }

    static ProjectLocations locations() {
        return ProjectLocations.under(AppDirectories.current().data());
    }

    /**
     * Saves a command's work. When the file was changed underneath (a sync tool, a teammate), it is left as
     * they saved it and the work is kept beside it in a conflict copy; the command then fails, naming the copy.
     */
    static void save(Project project) throws Exception {
        try {
            project.save();
        } catch (SaveConflictException e) {
            Path original = project.file();
            Path copy = project.saveConflictCopy(TaskContext.silent());
            throw new IllegalStateException(original.getFileName() + " was changed by someone else (a sync tool or "
                    + "a teammate) while this command ran, so it was left as they saved it; this command's work was "
                    + "saved beside it as \"" + copy.getFileName() + "\": open both and keep what you need");
        }
    }
}
