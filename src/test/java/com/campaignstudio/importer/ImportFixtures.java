package com.campaignstudio.importer;

import java.net.URISyntaxException;
import java.nio.file.Path;

final class ImportFixtures {

    private ImportFixtures() {
    }

    static Path fixture(String name) {
        try {
            return Path.of(ImportFixtures.class.getResource("/import/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
