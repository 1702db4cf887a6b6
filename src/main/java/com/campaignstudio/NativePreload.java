package com.campaignstudio;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the native libraries that the installed launcher names in the system property {@value #PROPERTY}
 * (paths, separated as on a class path) before anything else runs.
 *
 * <p>The Debian package uses it for OpenBLAS: Smile opens the library by its development name,
 * {@code libopenblas.so}, which only the {@code -dev} package installs. The package ships a stub whose soname is
 * {@code libopenblas.so} and which depends on the runtime library {@code libopenblas.so.0}; once loaded, the
 * dynamic linker answers Smile's request by that soname (installer/linux/build-deb).
 */
final class NativePreload {

    static final String PROPERTY = "campaignstudio.preload";

    private NativePreload() {
    }

    /** Loads each named library that exists; returns those that loaded. One that fails leaves the analyses that
     * need it to say so when they run, as without the package. */
    static List<Path> load(String paths) {
        List<Path> loaded = new ArrayList<>();
        if (paths == null || paths.isBlank()) {
            return loaded;
        }
        for (String entry : paths.split(File.pathSeparator)) {
            Path library = Path.of(entry.strip()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(library)) {
                continue;
            }
            try {
                System.load(library.toString());
                loaded.add(library);
            } catch (UnsatisfiedLinkError e) {
                // Its dependency is missing: Smile reports the missing library when an analysis needs it.
            }
        }
        return loaded;
    }
}
