package com.campaignstudio.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the application keeps its own files, by each platform's conventions: settings and saved mappings in
 * {@link #config()}, working copies, backups and the demo project in {@link #data()}.
 *
 * <ul>
 *   <li>Linux and other Unix systems: the XDG base directories, {@code $XDG_CONFIG_HOME/campaign-studio}
 *       (default {@code ~/.config/campaign-studio}) and {@code $XDG_DATA_HOME/campaign-studio} (default
 *       {@code ~/.local/share/campaign-studio}), with {@code ~} taken from {@code $HOME}.</li>
 *   <li>Windows: {@code %APPDATA%\Campaign Studio} and {@code %LOCALAPPDATA%\Campaign Studio}.</li>
 *   <li>macOS: {@code ~/Library/Application Support/Campaign Studio} for both.</li>
 * </ul>
 *
 * One root for everything overrides all of these: the system property {@code campaignstudio.home}, else the
 * environment variable {@code CAMPAIGN_STUDIO_HOME} (portable installs, tests, a second profile).
 */
public record AppDirectories(Path config, Path data) {

    public static final String HOME_VARIABLE = "CAMPAIGN_STUDIO_HOME";
    public static final String HOME_PROPERTY = "campaignstudio.home";
    /** The single folder that versions before 0.2 used on every platform. */
    static final String LEGACY_FOLDER = ".campaign-studio";
    private static final String UNIX_NAME = "campaign-studio";
    private static final String DESKTOP_NAME = "Campaign Studio";

    /** Everything under one folder. */
    public static AppDirectories under(Path root) {
        return new AppDirectories(root, root);
    }

    /**
     * The folders of this user on this system. A folder left by an earlier version in {@code ~/.campaign-studio}
     * is moved to the platform's place first (or, when it cannot be moved, used as it is).
     */
    public static AppDirectories current() {
        AppDirectories directories = resolve(System.getProperty("os.name", ""), System.getenv(),
                System.getProperty("user.home", ""), System.getProperty(HOME_PROPERTY));
        if (isOverridden(System.getenv(), System.getProperty(HOME_PROPERTY))) {
            return directories;
        }
        return adoptLegacy(Path.of(home(System.getenv(), System.getProperty("user.home", ""))).resolve(LEGACY_FOLDER),
                directories);
    }

    /** The folders for a given system, environment and override, without touching the disk. */
    static AppDirectories resolve(String osName, Map<String, String> env, String userHome, String homeProperty) {
        if (homeProperty != null && !homeProperty.isBlank()) {
            return under(Path.of(homeProperty));
        }
        String override = env.get(HOME_VARIABLE);
        if (override != null && !override.isBlank()) {
            return under(Path.of(override));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        Path home = Path.of(home(env, userHome));
        if (os.startsWith("windows")) {
            Path roaming = absolute(env.get("APPDATA")).orElse(home.resolve("AppData").resolve("Roaming"));
            Path local = absolute(env.get("LOCALAPPDATA")).orElse(home.resolve("AppData").resolve("Local"));
            return new AppDirectories(roaming.resolve(DESKTOP_NAME), local.resolve(DESKTOP_NAME));
        }
        if (os.startsWith("mac")) {
            return under(home.resolve("Library").resolve("Application Support").resolve(DESKTOP_NAME));
        }
        Path config = absolute(env.get("XDG_CONFIG_HOME")).orElse(home.resolve(".config"));
        Path data = absolute(env.get("XDG_DATA_HOME")).orElse(home.resolve(".local").resolve("share"));
        return new AppDirectories(config.resolve(UNIX_NAME), data.resolve(UNIX_NAME));
    }

    /**
     * Moves an earlier version's folder into {@code target} when {@code target} does not exist yet; when the
     * move fails (another disk, no permission) the old folder stays in use, so nothing is ever lost.
     */
    static AppDirectories adoptLegacy(Path legacy, AppDirectories target) {
        if (!Files.isDirectory(legacy) || Files.exists(target.data()) || Files.exists(target.config())) {
            return target;
        }
        try {
            Files.createDirectories(target.data().getParent());
            Files.move(legacy, target.data());
            Files.createDirectories(target.config());
            for (String name : new String[]{AppSettings.FILE_NAME, "presets.json"}) {
                Path old = target.data().resolve(name);
                if (Files.exists(old) && !target.config().equals(target.data())) {
                    Files.move(old, target.config().resolve(name));
                }
            }
            return target;
        } catch (IOException e) {
            return Files.isDirectory(legacy) ? under(legacy) : target;
        }
    }

    public Path settingsFile() {
        return config.resolve(AppSettings.FILE_NAME);
    }

    /** The column mappings the user saved in the import wizard. */
    public Path presetsFile() {
        return config.resolve("presets.json");
    }

    public Path demoProject() {
        return data.resolve("demo").resolve("Demo project.campaign");
    }

    private static boolean isOverridden(Map<String, String> env, String homeProperty) {
        return (homeProperty != null && !homeProperty.isBlank())
                || (env.get(HOME_VARIABLE) != null && !env.get(HOME_VARIABLE).isBlank());
    }

    /** {@code $HOME} where set: Java's user.home comes from the password database and ignores it. */
    private static String home(Map<String, String> env, String userHome) {
        String home = env.get("HOME");
        return home != null && Path.of(home).isAbsolute() ? home : userHome;
    }

    /** The XDG specification says relative paths in these variables are to be ignored. */
    private static Optional<Path> absolute(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(value);
        return path.isAbsolute() ? Optional.of(path) : Optional.empty();
    }
}
