package com.campaignstudio.project;

/** The database schema version this build creates and reads: the highest migration in db/migration. */
public final class SchemaVersion {

    public static final int CURRENT = 6;

    private SchemaVersion() {
    }
}
