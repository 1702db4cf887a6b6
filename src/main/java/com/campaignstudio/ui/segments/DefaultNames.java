package com.campaignstudio.ui.segments;

import com.campaignstudio.segments.Potential;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.ui.common.UiText;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the application gave are shown in the user's language, whichever language they were given in: a
 * segmentation run in English is "Segments 2026-05-01 10:00:00" and reads "分群 2026-05-01 10:00:00" in Chinese,
 * its "Medium potential 2" reads "中潜力 2". Names the user gave are shown as they are. Only what is shown changes;
 * the project keeps the names it stored.
 */
public final class DefaultNames {

    private static final List<ResourceBundle> LANGUAGES = List.of(new UiText(Locale.ENGLISH).bundle(),
            new UiText(Locale.SIMPLIFIED_CHINESE).bundle());
    /** When a segmentation was run, as its default name writes it. */
    private static final String RUN_TIME = "(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})";

    private final UiText text;

    public DefaultNames(UiText text) {
        this.text = text;
    }

    /** A segmentation's name: a default one in the user's language. */
    public String segmentation(String name) {
        for (ResourceBundle language : LANGUAGES) {
            String[] around = language.getString("segments.defaultName").split("\\{0}", -1);
            Matcher matcher = Pattern.compile(Pattern.quote(around[0]) + RUN_TIME + Pattern.quote(around[1]))
                    .matcher(name);
            if (matcher.matches()) {
                return text.get("segments.defaultName", matcher.group(1));
            }
        }
        return name;
    }

    /** A segment's name: a default one (its potential, numbered where the potential repeats) in the user's language. */
    public String segment(String name) {
        for (ResourceBundle language : LANGUAGES) {
            for (Potential potential : Potential.values()) {
                String label = language.getString("segments.potential." + potential.key());
                Matcher matcher = Pattern.compile(Pattern.quote(label) + "( \\d+)?").matcher(name);
                if (matcher.matches()) {
                    String number = matcher.group(1);
                    return text.get("segments.potential." + potential.key()) + (number == null ? "" : number);
                }
            }
        }
        return name;
    }

    /** {@code segmentation} with its segments' default names in the user's language, for showing. */
    public Segmentation shown(Segmentation segmentation) {
        return segmentation.withProfiles(segmentation.profiles().stream()
                .map(profile -> profile.renamed(segment(profile.name()))).toList());
    }
}
