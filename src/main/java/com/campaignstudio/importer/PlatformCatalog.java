package com.campaignstudio.importer;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The platforms and shop back-ends the application knows by name, shipped with it ({@code platforms.json}): each
 * with a code, an English and a Chinese name and the other names exports use (视频号, 微信视频号, Channels; B站,
 * 哔哩哔哩 ...). A project adds a known platform to its own platform table the first time an import names it.
 */
final class PlatformCatalog {

    /** One known platform. */
    record Known(String code, String en, String zh, List<String> aliases) {
    }

    private static final PlatformCatalog SHIPPED = load();

    private final Map<String, Known> byName;

    private PlatformCatalog(List<Known> platforms) {
        byName = new HashMap<>();
        for (Known platform : platforms) {
            for (String name : names(platform)) {
                byName.putIfAbsent(key(name), platform);
            }
        }
    }

    static PlatformCatalog shipped() {
        return SHIPPED;
    }

    Optional<Known> find(String name) {
        return Optional.ofNullable(byName.get(key(name)));
    }

    /** How platform names are compared: full-width folded, case and spaces ignored. */
    static String key(String name) {
        return Text.normalize(name).toLowerCase(Locale.ROOT).replace(" ", "");
    }

    private static List<String> names(Known platform) {
        List<String> names = new java.util.ArrayList<>(List.of(platform.code(), platform.en(), platform.zh()));
        names.addAll(platform.aliases());
        return names;
    }

    private static PlatformCatalog load() {
        try (InputStream in = PlatformCatalog.class.getResourceAsStream("platforms.json")) {
            return new PlatformCatalog(List.of(JsonMapper.builder().build().readValue(in, Known[].class)));
        } catch (IOException e) {
            throw new UncheckedIOException("platforms.json is missing from the build", e);
        }
    }
}
