package com.campaignstudio.project;

/**
 * H2 settings that must be in place before its classes load. {@code h2.allowedClasses} names the only
 * classes H2 may load for user-defined objects (triggers, Java functions, aggregates, table engines,
 * JDBC drivers of linked tables, serialized Java objects); we need none, so we allow none.
 */
public final class H2Hardening {

    private static final String NO_CLASS = "com.campaignstudio.project.NoUserClassesAllowed";

    private H2Hardening() {
    }

    public static void apply() {
        System.setProperty("h2.allowedClasses", NO_CLASS);
    }
}
