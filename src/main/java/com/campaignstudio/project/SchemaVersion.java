package com.campaignstudio.project;

/** The database schema version this build creates and reads: the highest migration in db/migration (SQL or Java). */
public final class SchemaVersion {

    public static final int CURRENT = 9;

    private SchemaVersion() {
    }
}
