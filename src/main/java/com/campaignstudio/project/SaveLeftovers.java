package com.campaignstudio.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * The temporary files a save or a restore writes beside a project before renaming them over it. A save
 * that is killed leaves one behind; the next open or save of the project removes it. Each name says which
 * process on which computer wrote it ({@code .P.campaign.1234@laptop.8812.saving}), so a leftover of a
 * dead process on this computer goes at once; one from elsewhere (a synced or shared folder) only when
 * nobody has written to it for an hour, because its writer may still be at work.
 */
final class SaveLeftovers {

    static final String SAVING = ".saving";
    static final String RESTORING = ".restoring";
    static final Duration FOREIGN_AGE = Duration.ofHours(1);

    private SaveLeftovers() {
    }

    /** The name prefix of this process's temporary files for {@code target}. */
    static String prefix(Path target) {
        return "." + target.getFileName() + "." + ProcessHandle.current().pid() + "@" + host() + ".";
    }

    /** Deletes the leftovers beside {@code target}; returns how many. Failures to delete are not errors. */
    static int clean(Path target) {
        Path directory = target.toAbsolutePath().getParent();
        String start = "." + target.getFileName() + ".";
        if (directory == null || !Files.isDirectory(directory)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> siblings = Files.list(directory)) {
            for (Path sibling : siblings.toList()) {
                String name = sibling.getFileName().toString();
                if (name.startsWith(start) && (name.endsWith(SAVING) || name.endsWith(RESTORING))
                        && isStale(name.substring(start.length()), sibling)) {
                    try {
                        Files.deleteIfExists(sibling);
                        removed++;
                    } catch (IOException ignored) {
                        // Left for the next time; it does not affect the project file.
                    }
                }
            }
        } catch (IOException e) {
            return removed;
        }
        return removed;
    }

    private static boolean isStale(String rest, Path file) {
        int at = rest.indexOf('@');
        int dot = rest.lastIndexOf('.', rest.lastIndexOf('.') - 1);
        if (at > 0 && dot > at) {
            String host = rest.substring(at + 1, dot);
            try {
                long pid = Long.parseLong(rest.substring(0, at));
                if (host.equals(host())) {
                    return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)
                            || olderThan(file, FOREIGN_AGE);
                }
            } catch (NumberFormatException e) {
                return olderThan(file, FOREIGN_AGE);
            }
        }
        return olderThan(file, FOREIGN_AGE);
    }

    private static boolean olderThan(Path file, Duration age) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(Instant.now().minus(age));
        } catch (IOException e) {
            return false;
        }
    }

    private static String host() {
        return ThisComputer.name().replaceAll("[^A-Za-z0-9-]", "_");
    }
}
