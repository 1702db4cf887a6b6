package com.campaignstudio.project;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** The name of this computer, for telling a user which machine holds a project. */
final class ThisComputer {

    private static final String NAME = lookUp();

    private ThisComputer() {
    }

    static String name() {
        return NAME;
    }

    /** Cheap sources first: a network lookup can take seconds on a misconfigured laptop. */
    private static String lookUp() {
        for (String variable : new String[]{"COMPUTERNAME", "HOSTNAME"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        try {
            String etc = Files.readString(Path.of("/etc/hostname")).strip();
            if (!etc.isEmpty()) {
                return etc;
            }
        } catch (IOException | RuntimeException ignored) {
            // Not a Unix system, or no such file: ask the network stack.
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "this computer";
        }
    }
}
