package com.campaignstudio.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Drops files from the operating system's page cache (Linux {@code posix_fadvise(POSIX_FADV_DONTNEED)}), so that
 * the next start reads them from disk as after a reboot, without root (dropping the whole cache needs it). Pages
 * that a running process has mapped stay cached: the benchmark's own JVM keeps its {@code libjvm.so} and module
 * image, which the measured JVM shares when both use the same JDK.
 */
final class PageCache {

    private static final int O_RDONLY = 0;
    private static final int POSIX_FADV_DONTNEED = 4;

    private PageCache() {
    }

    /** True when eviction is available here (Linux). */
    static boolean supported() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux");
    }

    /** Evicts each file that can be opened; returns how many were. */
    static int evict(Collection<Path> files) {
        if (!supported()) {
            return 0;
        }
        Linker linker = Linker.nativeLinker();
        var libc = linker.defaultLookup();
        MethodHandle open = linker.downcallHandle(libc.find("open").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
        MethodHandle fadvise = linker.downcallHandle(libc.find("posix_fadvise").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
        MethodHandle close = linker.downcallHandle(libc.find("close").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        int evicted = 0;
        try (Arena arena = Arena.ofConfined()) {
            for (Path file : files) {
                int fd = (int) open.invokeExact(arena.allocateFrom(file.toString()), O_RDONLY);
                if (fd < 0) {
                    continue;
                }
                if ((int) fadvise.invokeExact(fd, 0L, 0L, POSIX_FADV_DONTNEED) == 0) {
                    evicted++;
                }
                int ignored = (int) close.invokeExact(fd);
            }
        } catch (Throwable e) {
            throw new IllegalStateException("cannot drop files from the page cache", e);
        }
        return evicted;
    }
}
