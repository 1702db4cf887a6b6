package com.campaignstudio;

import com.campaignstudio.settings.AppDirectories;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Registered for every test class (META-INF/services, autodetection on): the application's folders point at a
 * fresh temporary root, so that no test reads or writes the user's settings, backups or working copies. A test
 * that sets its own root in {@code @BeforeAll} overrides this one.
 */
public final class TemporaryApplicationRoot implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TemporaryApplicationRoot.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path root = Files.createTempDirectory("campaign-studio-test-");
        context.getStore(NAMESPACE).put("root", root);
        context.getStore(NAMESPACE).put("previous", String.valueOf(System.getProperty(AppDirectories.HOME_PROPERTY)));
        System.setProperty(AppDirectories.HOME_PROPERTY, root.toString());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        String previous = context.getStore(NAMESPACE).get("previous", String.class);
        if (previous == null || previous.equals("null")) {
            System.clearProperty(AppDirectories.HOME_PROPERTY);
        } else {
            System.setProperty(AppDirectories.HOME_PROPERTY, previous);
        }
        try (Stream<Path> paths = Files.walk(context.getStore(NAMESPACE).get("root", Path.class))) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
