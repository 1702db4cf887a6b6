package com.campaignstudio.project;

import com.campaignstudio.text.Reason;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Properties;

/**
 * The small text entry stored beside the database inside a project file: enough to refuse a newer
 * project and to verify the content before the database is ever opened.
 *
 * @param projectId     stable identity of the project across copies and saves
 * @param schemaVersion the schema version of the database inside
 * @param appVersion    the application version that saved it
 * @param savedAt       when it was saved; together with the checksum, tells whether someone else saved since
 * @param contentSha256 hex SHA-256 of the database entry
 * @param contentSize   size in bytes of the database entry
 */
public record ProjectManifest(String projectId, int schemaVersion, String appVersion, Instant savedAt,
                              String contentSha256, long contentSize) {

    static final String FORMAT = "campaign-studio-project";
    static final int FORMAT_VERSION = 1;

    void writeTo(OutputStream out) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("formatVersion", Integer.toString(FORMAT_VERSION));
        p.setProperty("projectId", projectId);
        p.setProperty("schemaVersion", Integer.toString(schemaVersion));
        p.setProperty("appVersion", appVersion);
        p.setProperty("savedAt", savedAt.toString());
        p.setProperty("contentSha256", contentSha256);
        p.setProperty("contentSize", Long.toString(contentSize));
        p.store(out, "Campaign Studio project manifest");
    }

    /** Reads a manifest; {@code null} when the stream does not hold a Campaign Studio manifest at all. */
    static ProjectManifest readFrom(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        if (!FORMAT.equals(p.getProperty("format"))) {
            return null;
        }
        try {
            int formatVersion = Integer.parseInt(p.getProperty("formatVersion"));
            if (formatVersion > FORMAT_VERSION) {
                throw new NewerFormat(formatVersion, p.getProperty("appVersion", "a newer version"));
            }
            int schemaVersion = Integer.parseInt(p.getProperty("schemaVersion"));
            return new ProjectManifest(required(p, "projectId"), schemaVersion, required(p, "appVersion"),
                    Instant.parse(required(p, "savedAt")), required(p, "contentSha256"),
                    Long.parseLong(required(p, "contentSize")));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IOException("manifest has a malformed value: " + e.getMessage(), e);
        }
    }

    /** The file was written in a container layout this version does not know. */
    static final class NewerFormat extends IOException {
        private final transient Reason reason;

        NewerFormat(int formatVersion, String appVersion) {
            this(Reason.of("open.detail.newerFormat", appVersion, formatVersion, FORMAT_VERSION));
        }

        private NewerFormat(Reason reason) {
            super(reason.english());
            this.reason = reason;
        }

        Reason reason() {
            return reason;
        }
    }

    private static String required(Properties p, String key) throws IOException {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IOException("manifest lacks " + key);
        }
        return value;
    }
}
