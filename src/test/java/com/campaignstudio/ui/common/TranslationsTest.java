package com.campaignstudio.ui.common;

import com.campaignstudio.data.TableCatalog;
import com.campaignstudio.importer.EntityKind;
import com.campaignstudio.project.ProjectOpenException;
import com.campaignstudio.ui.shell.Section;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every string the UI uses exists in English and in Simplified Chinese. */
class TranslationsTest {

    private static final ResourceBundle ENGLISH = new UiText(Locale.ENGLISH).bundle();
    private static final ResourceBundle CHINESE = new UiText(Locale.SIMPLIFIED_CHINESE).bundle();

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertEquals(new TreeSet<>(ENGLISH.keySet()), new TreeSet<>(CHINESE.keySet()));
        assertEquals(Locale.SIMPLIFIED_CHINESE, CHINESE.getLocale());
    }

    /**
     * A message with arguments goes through {@link java.text.MessageFormat}, which takes a lone apostrophe for the
     * start of quoted text: "the project's {0}" would print "the projects {0}". Such messages write ''.
     */
    @Test
    void messagesWithArgumentsDoubleTheirApostrophes() {
        for (ResourceBundle bundle : new ResourceBundle[]{ENGLISH, CHINESE}) {
            for (String key : bundle.keySet()) {
                String message = bundle.getString(key);
                if (message.matches("(?s).*\\{\\d.*")) {
                    assertTrue(!message.replace("''", "").contains("'"), key + ": " + message);
                }
            }
        }
    }

    @Test
    void everyKeyUsedInViewsAndCodeExists() throws IOException {
        Set<String> used = new HashSet<>();
        collect(Path.of("src/main/resources/com/campaignstudio/ui"), ".fxml", Pattern.compile("\"%([a-zA-Z0-9.]+)\""), used);
        collect(Path.of("src/main/java/com/campaignstudio/ui"), ".java",
                Pattern.compile("(?:text\\.get|getString)\\(\"([a-zA-Z0-9.]*[a-zA-Z0-9])\""), used);
        // Messages from domain code (reasons, notes, progress stages):
        collect(Path.of("src/main/java/com/campaignstudio"), ".java",
                Pattern.compile("Reason\\.of\\(\"([a-zA-Z0-9.]*[a-zA-Z0-9])\""), used);
        // Keys built from a prefix and a name:
        TableCatalog.BROWSABLE.forEach(table -> used.add("table." + table));
        for (Section section : Section.values()) {
            used.add(section.titleKey());
            if (!section.isBuilt()) {
                used.add(section.pendingKey());
            }
        }
        for (com.campaignstudio.experiments.Verdict verdict : com.campaignstudio.experiments.Verdict.values()) {
            used.add("experiment.headline." + verdict.name());
        }
        for (com.campaignstudio.experiments.SampleSize.LiftKind kind
                : com.campaignstudio.experiments.SampleSize.LiftKind.values()) {
            used.add("experiments.size.kind." + kind.name());
        }
        for (com.campaignstudio.basket.BasketUnit unit : com.campaignstudio.basket.BasketUnit.values()) {
            used.addAll(Set.of("basket.unit." + unit.key(), "basket.unit." + unit.key() + ".hint",
                    "basket.result." + unit.key()));
        }
        for (com.campaignstudio.basket.Pitch.Score score : com.campaignstudio.basket.Pitch.Score.values()) {
            used.addAll(Set.of("basket.pitch.score." + score.key(), "basket.pitch.scoredBy." + score.key(),
                    "basket.pitch.none." + score.key()));
        }
        for (com.campaignstudio.ui.basket.BasketResults.AudienceKind kind
                : com.campaignstudio.ui.basket.BasketResults.AudienceKind.values()) {
            used.add("basket.pitch.to." + kind.name());
        }
        for (EntityKind kind : EntityKind.values()) {
            used.add("kind." + kind.name());
            kind.fields().forEach(field -> used.add("field." + field.key()));
        }
        for (ProjectOpenException.Problem problem : ProjectOpenException.Problem.values()) {
            used.add("open.problem." + problem.name() + ".title");
            used.add("open.problem." + problem.name() + ".advice");
        }
        assertTrue(used.size() > 40, "found the keys: " + used.size());
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(ENGLISH.keySet());
        assertEquals(Set.of(), missing);
    }

    private static void collect(Path root, String suffix, Pattern pattern, Set<String> into) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    into.add(matcher.group(1));
                }
            }
        }
    }
}
