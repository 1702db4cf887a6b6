package com.campaignstudio.project;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Data computed from a project's database that a save stores beside it in the project file, so that the next open
 * need not compute it again (the activity snapshot: one scan of millions of rows). Each item is stored with the
 * checksum of the database it was computed from and is used only with that database, as opened and before any
 * write: a later write, a schema migration, a recovered crash copy or a file edited elsewhere all fall back to
 * computing it afresh. Nothing here is ever needed: a project file without it is whole.
 */
public final class DerivedData {

    /** Derived data in memory that a save may store. */
    @FunctionalInterface
    public interface Source {
        /** Its writer while the data still matches the database (asked while a save holds the database still). */
        Optional<Writer> whenCurrent();
    }

    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}");

    private volatile Map<String, Path> asOpened = Map.of();
    private final Map<String, Source> toStore = new ConcurrentHashMap<>();
    private final LongSupplier dataVersion;

    DerivedData(LongSupplier dataVersion) {
        this.dataVersion = dataVersion;
    }

    /** Takes the items an open extracted (before anything reads or writes the database). */
    void opened(Map<String, Path> extracted) {
        asOpened = Map.copyOf(extracted);
    }

    static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }

    /** The stored item {@code name} as extracted at open, while the data is still as opened. */
    public Optional<Path> asOpened(String name) {
        return dataVersion.getAsLong() == 0 ? Optional.ofNullable(asOpened.get(name)) : Optional.empty();
    }

    /** Asks every later save to store {@code source} as {@code name} when it is current then. */
    public void storeOnSave(String name, Source source) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("not a derived data name: " + name);
        }
        toStore.put(name, source);
    }

    /** What a save stores now: the items whose data is current. */
    Map<String, Writer> current() {
        Map<String, Writer> current = new TreeMap<>();
        toStore.forEach((name, source) -> source.whenCurrent().ifPresent(writer -> current.put(name, writer)));
        return current;
    }
}
