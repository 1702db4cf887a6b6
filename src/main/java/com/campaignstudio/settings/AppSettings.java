package com.campaignstudio.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/** The user's own settings (language, recent projects), kept in the application folder. */
public final class AppSettings {

    public static final String FILE_NAME = "settings.properties";
    public static final int RECENT_LIMIT = 8;
    private static final String LANGUAGE = "language";
    private static final String RECENT_PREFIX = "recent.";
    /** The computer's language, read before the window sets the default locale to the language chosen. */
    private static final Locale SYSTEM = Locale.getDefault();

    private final Path file;
    private final Properties properties = new Properties();

    private AppSettings(Path file) {
        this.file = file;
    }

    /** Loads the settings from {@code file}; a missing or unreadable file gives the defaults. */
    public static AppSettings load(Path file) {
        AppSettings settings = new AppSettings(file);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                settings.properties.load(in);
            } catch (IOException | IllegalArgumentException e) {
                settings.properties.clear();
            }
        }
        return settings;
    }

    /** The chosen UI language; empty means "follow the operating system". */
    public Optional<Language> language() {
        return Language.fromTag(properties.getProperty(LANGUAGE, ""));
    }

    public void setLanguage(Optional<Language> language) throws IOException {
        properties.setProperty(LANGUAGE, language.map(Language::tag).orElse(""));
        save();
    }

    /** The locale the UI uses now. */
    public Locale effectiveLocale() {
        return language().orElse(Language.forLocale(SYSTEM)).locale();
    }

    public boolean isFirstRun() {
        return !Files.exists(file);
    }

    /** Recently opened project files, newest first, skipping files that no longer exist. */
    public List<Path> recentProjects() {
        List<Path> recent = new ArrayList<>();
        for (int i = 0; i < RECENT_LIMIT; i++) {
            String value = properties.getProperty(RECENT_PREFIX + i);
            if (value != null && Files.exists(Path.of(value))) {
                recent.add(Path.of(value));
            }
        }
        return recent;
    }

    public void addRecentProject(Path project) throws IOException {
        Path normalized = project.toAbsolutePath().normalize();
        List<Path> recent = new ArrayList<>(recentProjects());
        recent.remove(normalized);
        recent.addFirst(normalized);
        for (int i = 0; i < RECENT_LIMIT; i++) {
            properties.remove(RECENT_PREFIX + i);
            if (i < recent.size()) {
                properties.setProperty(RECENT_PREFIX + i, recent.get(i).toString());
            }
        }
        save();
    }

    /** Writes the settings atomically, creating the application folder if needed. */
    public void save() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            properties.store(out, "Campaign Studio settings");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
