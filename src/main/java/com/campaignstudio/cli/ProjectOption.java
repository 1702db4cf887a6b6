package com.campaignstudio.cli;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.project.ProjectOpenException;
import com.campaignstudio.settings.AppDirectories;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --project} option shared by commands that read a project. */
final class ProjectOption {

    @Option(names = "--project", required = true, description = "The project file (.campaign).")
    Path file;

    Project open() throws ProjectOpenException {
        return Project.open(ProjectLocations.under(AppDirectories.current().data()), file);
    }
}
