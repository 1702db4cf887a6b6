package com.campaignstudio.importer;

import java.nio.file.Path;

/**
 * What to import and how.
 *
 * @param file        the file
 * @param kind        what it holds
 * @param mapping     which columns fill which fields
 * @param duplicates  what to do with rows whose natural key the project already has
 * @param rejections  whether rejected rows stop the whole import or are left out
 * @param source      the encoding or sheet chosen by the user
 * @param platforms   what to do with platform names the project does not know
 */
public record ImportPlan(Path file, EntityKind kind, ColumnMapping mapping, Duplicates duplicates,
                         RejectionPolicy rejections, SourceOptions source, PlatformChoices platforms) {

    /** A plan that detects the file's encoding, reads the first sheet of a workbook and adds new platforms. */
    public ImportPlan(Path file, EntityKind kind, ColumnMapping mapping, Duplicates duplicates,
                      RejectionPolicy rejections) {
        this(file, kind, mapping, duplicates, rejections, SourceOptions.DETECT, PlatformChoices.ADD_NEW);
    }

    public ImportPlan withPlatforms(PlatformChoices choices) {
        return new ImportPlan(file, kind, mapping, duplicates, rejections, source, choices);
    }

    /** Rows the project already has (same order number, same platform and follower id, ...). */
    public enum Duplicates { UPDATE, SKIP }

    /** Whether one bad row stops the import. */
    public enum RejectionPolicy { IMPORT_GOOD_ROWS, ALL_OR_NOTHING }
}
