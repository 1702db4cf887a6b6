package com.campaignstudio;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Facts about this build of the application. */
public final class AppInfo {

    public static final String NAME = "Campaign Studio";
    public static final String PROJECT_EXTENSION = ".campaign";

    private AppInfo() {
    }

    public static String version() {
        return VERSION;
    }

    private static final String VERSION = readVersion();

    private static String readVersion() {
        try (InputStream in = AppInfo.class.getResourceAsStream("app.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("app.properties is missing from the build", e);
        }
    }
}
