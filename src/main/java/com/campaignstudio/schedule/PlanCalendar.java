package com.campaignstudio.schedule;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * A plan as an iCalendar file (RFC 5545) that a phone's calendar opens: an event per post at its time, 30 minutes
 * long, with a reminder 15 minutes before, named "Douyin · Video · topic" in the chosen language and, with a
 * simulation, described by its expected reach and buyers with their 80% intervals.
 *
 * <p>Post times are wall-clock times in the project's time zone; the events are written in UTC, so every calendar
 * shows them at the right local time wherever the phone is. An event's UID depends only on the plan's start and the
 * post (its platform, time, format, topic and how many identical posts come before it), so importing the file again
 * after a change updates the events that stayed instead of doubling them.
 *
 * @param zone          the project's time zone
 * @param platformNames each platform's name in the bundle's language (a code without a name is shown as it is)
 * @param bundle        the language of the names and descriptions
 */
public record PlanCalendar(ZoneId zone, Map<String, String> platformNames, ResourceBundle bundle) {

    static final int EVENT_MINUTES = 30;
    static final int REMINDER_MINUTES = 15;
    private static final int LINE_OCTETS = 75;
    private static final String CRLF = "\r\n";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public PlanCalendar {
        platformNames = Map.copyOf(platformNames);
    }

    /** Writes the calendar to {@code out}, which must encode UTF-8; {@code stamp} is when it was made (DTSTAMP). */
    public void write(SchedulePlan plan, Optional<Simulation> simulation, Instant stamp, Writer out)
            throws IOException {
        line(out, "BEGIN:VCALENDAR");
        line(out, "PRODID:-//Campaign Studio//Posting plan//EN");
        line(out, "VERSION:2.0");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + escape(text("schedule.calendar.name", plan.start().toLocalDate())));
        List<Optional<Simulation.PostOutcome>> outcomes = PostOutcomes.of(plan, simulation);
        Map<PlannedPost, Integer> seen = new HashMap<>();
        for (int i = 0; i < plan.posts().size(); i++) {
            PlannedPost post = plan.posts().get(i);
            int occurrence = seen.merge(post, 1, Integer::sum);
            String summary = summary(post);
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + uid(plan, post, occurrence));
            line(out, "DTSTAMP:" + UTC.format(stamp));
            line(out, "DTSTART:" + UTC.format(post.at().atZone(zone).toInstant()));
            line(out, "DURATION:PT" + EVENT_MINUTES + "M");
            line(out, "SUMMARY:" + escape(summary));
            Optional<Simulation.PostOutcome> outcome = outcomes.get(i);
            if (outcome.isPresent()) {
                line(out, "DESCRIPTION:" + escape(description(outcome.get().outcome())));
            }
            line(out, "BEGIN:VALARM");
            line(out, "ACTION:DISPLAY");
            line(out, "DESCRIPTION:" + escape(summary));
            line(out, "TRIGGER:-PT" + REMINDER_MINUTES + "M");
            line(out, "END:VALARM");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        out.flush();
    }

    /** "Douyin · Video · 新课上线": the platform, the format and the topic when there is one. */
    String summary(PlannedPost post) {
        String platform = platformNames.getOrDefault(post.platform(), post.platform());
        String formatKey = "value.format." + post.format();
        String format = bundle.containsKey(formatKey) ? bundle.getString(formatKey) : post.format();
        return platform + " · " + format + (post.topic().isBlank() ? "" : " · " + post.topic());
    }

    private String description(Outcome outcome) {
        return text("schedule.calendar.reach", whole(outcome.reach().mean()), whole(outcome.reach().low()),
                whole(outcome.reach().high()))
                + "\n" + text("schedule.calendar.buyers", tenths(outcome.buyers().mean()),
                tenths(outcome.buyers().low()), tenths(outcome.buyers().high()));
    }

    private String whole(double value) {
        return NumberFormat.getIntegerInstance(bundle.getLocale()).format(Math.round(value));
    }

    private String tenths(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(bundle.getLocale());
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    private String text(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(
                java.util.Arrays.stream(arguments).map(String::valueOf).toArray());
    }

    private static String uid(SchedulePlan plan, PlannedPost post, int occurrence) {
        String identity = String.join("\u001F", plan.start().toString(), post.platform(), post.at().toString(),
                post.format(), post.topic(), Integer.toString(occurrence));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16) + "@campaign-studio";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** TEXT as RFC 5545 §3.3.11 wants it: backslash, semicolon, comma and line breaks escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                case '\r' -> {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    out.append("\\n");
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The content line folded as RFC 5545 §3.1 wants: no line longer than 75 octets of UTF-8, each continuation
     * starting with a space, and never inside a character (a Chinese character is three octets, an emoji four).
     */
    static List<String> fold(String line) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = utf8Octets(codePoint);
            if (octets + size > LINE_OCTETS) {
                lines.add(current.toString());
                current.setLength(0);
                current.append(' ');
                octets = 1;
            }
            current.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        lines.add(current.toString());
        return lines;
    }

    private static int utf8Octets(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }

    private static void line(Writer out, String content) throws IOException {
        for (String folded : fold(content)) {
            out.write(folded);
            out.write(CRLF);
        }
    }
}
