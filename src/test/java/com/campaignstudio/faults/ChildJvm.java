package com.campaignstudio.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a second Campaign Studio process (the test class path, its own application folder), as a user would. */
final class ChildJvm {

    private ChildJvm() {
    }

    static ProcessBuilder command(Path home, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-XX:TieredStopAtLevel=1", mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("CAMPAIGN_STUDIO_HOME", home.toString());
        return builder;
    }

    /** The command line, run to the end: exit code and what it printed on stderr. */
    static Process campaignStudio(Path home, Path errors, String... args) throws IOException {
        return command(home, "com.campaignstudio.Launcher", args)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errors.toFile()).start();
    }
}
