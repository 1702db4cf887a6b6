package com.campaignstudio.schedule;

import com.campaignstudio.importer.PlatformNames;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Any plan written as CSV reads back as it was: topics with quotes, commas, line breaks, formulas and apostrophes. */
class PlanCsvRoundTripPropertyTest {

    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 12, 7, 0, 0);
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 26, 11, 0);

    @Property(tries = 300)
    void aWrittenPlanReadsBackAsItWas(@ForAll("plans") List<PlannedPost> posts) throws IOException {
        SchedulePlan plan = SchedulePlan.week(MONDAY, posts);
        Path file = Files.createTempFile("plan", ".csv");
        try {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                PlanCsv.write(plan, Optional.empty(), out);
            }

            PlanCsv.PlanRead read = PlanCsv.read(file, plan, PlatformNames.shipped(), NOW);

            assertEquals(List.of(), read.problems());
            assertEquals(posts, read.posts());
        } finally {
            Files.delete(file);
        }
    }

    @Provide
    Arbitrary<List<PlannedPost>> plans() {
        Arbitrary<String> platforms = Arbitraries.of("weibo", "douyin", "bilibili", "xiaohongshu", "wechat_channels",
                "kuaishou", "zhihu", "wechat");
        Arbitrary<LocalDateTime> times = Arbitraries.integers().between(0, 7 * 24 * 60 - 1).map(MONDAY::plusMinutes);
        Arbitrary<String> formats = Arbitraries.of(PostFormats.CODES);
        Arbitrary<String> topics = Arbitraries.strings().withChars("abc XYZ019,;\"'\n\r\t=+-@#，。：“”")
                .withCharRange('一', '龥').ofMaxLength(40).filter(topic -> topic.equals(topic.strip()));
        Arbitrary<Double> boosts = Arbitraries.longs().between(0, 10_000_000).map(cents -> cents / 100.0);
        Arbitrary<Boolean> locks = Arbitraries.of(true, false);
        return Combinators.combine(platforms, times, formats, topics, boosts, locks).as(PlannedPost::new)
                .list().ofMaxSize(12);
    }
}
