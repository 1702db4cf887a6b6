package com.campaignstudio.schedule;

import com.campaignstudio.export.CsvExport;
import com.campaignstudio.importer.Amounts;
import com.campaignstudio.importer.PlatformNames;
import com.campaignstudio.importer.SourceFormat;
import com.campaignstudio.importer.Sniffer;
import com.campaignstudio.importer.ValueException;
import com.campaignstudio.text.Reason;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plan as a CSV file, for editing in a spreadsheet and for the command line. Columns: platform, date (yyyy-MM-dd,
 * or a weekday, Mon to Sun or 周一 to 周日, meaning that day of the plan's period), time (HH:mm), format, and the
 * optional topic, boost (an amount of money) and locked (yes/no); English or Chinese headers, any encoding the
 * importer recognises. A bad row is left out and reported by row and column; every other row is kept.
 *
 * <p>{@link #write} writes the same columns, so a written plan reads back as it was, and with a simulation also
 * each post's expected figures with their 80% interval (ignored when read).
 */
public final class PlanCsv {

    /**
     * Why a row of a plan file was left out. Row 0 is the file as a whole (it has no header, say).
     *
     * @param column the column's header as the file writes it
     */
    public record RowProblem(String file, long row, String column, String value, Reason reason) {

        public String in(ResourceBundle bundle) {
            return row == 0 ? Reason.of("schedule.plan.fileProblem", file, reason.in(bundle)).in(bundle)
                    : Reason.of("schedule.plan.rowProblem", file, row, column, reason.in(bundle)).in(bundle);
        }

        public String english() {
            return in(ResourceBundle.getBundle(Reason.BUNDLE, Locale.ROOT));
        }
    }

    /** The posts a plan file holds and the rows left out. */
    public record PlanRead(List<PlannedPost> posts, List<RowProblem> problems) {
        public PlanRead {
            posts = List.copyOf(posts);
            problems = List.copyOf(problems);
        }
    }

    /** The columns, each with the header written and the headers read (compared lower-case, units dropped). */
    enum Column {
        PLATFORM(true, "platform", "平台", "渠道", "channel"),
        DATE(true, "date", "日期", "day", "weekday", "星期"),
        TIME(true, "time", "时间", "发布时间"),
        FORMAT(true, "format", "体裁", "类型", "type", "形式"),
        TOPIC(false, "topic", "主题", "标题", "title"),
        BOOST(false, "boost", "加热", "投放金额", "加热金额", "投放", "boost spend"),
        LOCKED(false, "locked", "锁定", "lock");

        final boolean required;
        final List<String> names;

        Column(boolean required, String... names) {
            this.required = required;
            this.names = List.of(names);
        }

        String header() {
            return names.getFirst();
        }
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
    private static final Pattern UNIT = Pattern.compile("\\s*[(（][^)）]*[)）]\\s*$");
    private static final Map<String, DayOfWeek> WEEKDAYS = weekdays();
    private static final Map<String, Boolean> YES_NO = Map.ofEntries(
            Map.entry("yes", true), Map.entry("y", true), Map.entry("true", true), Map.entry("1", true),
            Map.entry("是", true), Map.entry("锁定", true), Map.entry("no", false), Map.entry("n", false),
            Map.entry("false", false), Map.entry("0", false), Map.entry("否", false));

    private PlanCsv() {
    }

    /**
     * Reads the plan in {@code file} for {@code period} (its start, its length; its posts are ignored).
     *
     * @param now posts before it are left out: the past cannot be planned
     * @throws IOException when the file cannot be read at all
     */
    public static PlanRead read(Path file, SchedulePlan period, PlatformNames platforms, LocalDateTime now)
            throws IOException {
        String name = file.getFileName().toString();
        SourceFormat format = Sniffer.sniff(file);
        if (format.kind() != SourceFormat.Kind.DELIMITED_TEXT) {
            return new PlanRead(List.of(), List.of(new RowProblem(name, 0, "", "",
                    Reason.of(format.kind() == SourceFormat.Kind.EMPTY ? "schedule.plan.empty" : "schedule.plan.notCsv"))));
        }
        try (Reader text = new InputStreamReader(Files.newInputStream(file), format.charset());
             CsvReader<CsvRecord> csv = reader(text, format)) {
            return new RowReader(name, period, platforms, now).read(csv);
        }
    }

    /** The earliest yyyy-MM-dd date of the file's date column: where a plan without a chosen period begins. */
    public static Optional<LocalDate> earliestDate(Path file) throws IOException {
        SourceFormat format = Sniffer.sniff(file);
        if (format.kind() != SourceFormat.Kind.DELIMITED_TEXT) {
            return Optional.empty();
        }
        try (Reader text = new InputStreamReader(Files.newInputStream(file), format.charset());
             CsvReader<CsvRecord> csv = reader(text, format)) {
            Integer dateColumn = null;
            LocalDate earliest = null;
            for (CsvRecord record : csv) {
                if (dateColumn == null) {
                    dateColumn = columns(record.getFields().stream().map(PlanCsv::clean).toList())
                            .getOrDefault(Column.DATE, -1);
                } else if (dateColumn >= 0 && dateColumn < record.getFieldCount()) {
                    try {
                        LocalDate date = LocalDate.parse(clean(record.getField(dateColumn)).replace('/', '-'), DATE);
                        earliest = earliest == null || date.isBefore(earliest) ? date : earliest;
                    } catch (DateTimeParseException e) {
                        // A weekday or a bad date says nothing of where the plan begins.
                    }
                }
            }
            return Optional.ofNullable(earliest);
        }
    }

    private static CsvReader<CsvRecord> reader(Reader text, SourceFormat format) {
        return CsvReader.builder().fieldSeparator(format.delimiter()).skipEmptyLines(true)
                .allowMissingFields(true).allowExtraFields(true).ofCsvRecord(text);
    }

    /** Where each column is, by the headers it goes by. */
    private static Map<Column, Integer> columns(List<String> headers) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int i = 0; i < headers.size(); i++) {
            String name = UNIT.matcher(headers.get(i).toLowerCase(Locale.ROOT)).replaceAll("").strip();
            for (Column column : Column.values()) {
                if (column.names.contains(name)) {
                    columns.putIfAbsent(column, i);
                }
            }
        }
        return columns;
    }

    /**
     * Writes {@code plan} (UTF-8 text with a byte-order mark, so spreadsheets show Chinese): a row per post and, with
     * a simulation of the plan, its expected figures and 80% interval. Times are written to the minute and boosts to
     * the cent; a topic is read back without surrounding blanks.
     */
    public static void write(SchedulePlan plan, Optional<Simulation> simulation, Writer out) throws IOException {
        out.write('\uFEFF');
        CsvWriter csv = CsvWriter.builder().build(out);
        List<String> header = new ArrayList<>();
        for (Column column : Column.values()) {
            header.add(column.header());
        }
        if (simulation.isPresent()) {
            for (Metric metric : Metric.values()) {
                header.addAll(List.of(metric.key() + "_mean", metric.key() + "_low", metric.key() + "_high"));
            }
        }
        csv.writeRecord(header);
        List<Optional<Simulation.PostOutcome>> outcomes = PostOutcomes.of(plan, simulation);
        for (int i = 0; i < plan.posts().size(); i++) {
            PlannedPost post = plan.posts().get(i);
            List<String> row = new ArrayList<>(List.of(post.platform(), DATE.format(post.at()), TIME.format(post.at()),
                    post.format(), guarded(post.topic()), amount(post.boost()),
                    post.locked() ? "yes" : "no"));
            if (simulation.isPresent()) {
                // Posts of platforms the model does not know have no figures.
                Optional<Outcome> outcome = outcomes.get(i).map(Simulation.PostOutcome::outcome);
                for (Metric metric : Metric.values()) {
                    String pattern = metric == Metric.REVENUE ? "%.2f" : "%.1f";
                    Optional<Band> band = outcome.map(o -> o.get(metric));
                    row.add(band.map(b -> String.format(Locale.ROOT, pattern, b.mean())).orElse(""));
                    row.add(band.map(b -> String.format(Locale.ROOT, pattern, b.low())).orElse(""));
                    row.add(band.map(b -> String.format(Locale.ROOT, pattern, b.high())).orElse(""));
                }
            }
            csv.writeRecord(row);
        }
        csv.flush();
    }

    private static String amount(double boost) {
        return boost == 0 ? "" : BigDecimal.valueOf(boost).stripTrailingZeros().toPlainString();
    }

    /** The cell without a leading byte-order mark and surrounding blanks (full-width ones too). */
    private static String clean(String cell) {
        if (cell == null) {
            return "";
        }
        return (cell.startsWith("\uFEFF") ? cell.substring(1) : cell).strip();
    }

    /**
     * The topic as written: text a spreadsheet would run as a formula gets an apostrophe ({@link CsvExport}), and so
     * does text that already begins with one, so that reading takes exactly one off and gives the topic back.
     */
    private static String guarded(String topic) {
        return topic.startsWith("'") ? "'" + topic : CsvExport.neutralise(topic);
    }

    private static String key(String cell) {
        return clean(cell).toLowerCase(Locale.ROOT);
    }

    private static Map<String, DayOfWeek> weekdays() {
        Map<String, DayOfWeek> days = new java.util.HashMap<>();
        String[] chinese = {"一", "二", "三", "四", "五", "六", "日"};
        for (DayOfWeek day : DayOfWeek.values()) {
            String english = day.name().toLowerCase(Locale.ROOT);
            days.put(english, day);
            days.put(english.substring(0, 3), day);
            String number = chinese[day.getValue() - 1];
            days.put("周" + number, day);
            days.put("星期" + number, day);
        }
        days.put("周天", DayOfWeek.SUNDAY);
        days.put("星期天", DayOfWeek.SUNDAY);
        return days;
    }

    /** Reads one file's rows against the plan's period. */
    private static final class RowReader {
        private final String file;
        private final SchedulePlan period;
        private final PlatformNames platforms;
        private final LocalDateTime now;
        private final List<PlannedPost> posts = new ArrayList<>();
        private final List<RowProblem> problems = new ArrayList<>();
        private final Map<Column, Integer> columns = new EnumMap<>(Column.class);
        private List<String> headers = List.of();

        RowReader(String file, SchedulePlan period, PlatformNames platforms, LocalDateTime now) {
            this.file = file;
            this.period = period;
            this.platforms = platforms;
            this.now = now;
        }

        PlanRead read(CsvReader<CsvRecord> csv) {
            boolean headerRead = false;
            for (CsvRecord record : csv) {
                if (record.getFields().stream().allMatch(cell -> clean(cell).isEmpty())) {
                    continue;
                }
                if (!headerRead) {
                    headerRead = true;
                    if (!header(record)) {
                        break;
                    }
                } else {
                    row(record);
                }
            }
            if (!headerRead) {
                problems.add(new RowProblem(file, 0, "", "", Reason.of("schedule.plan.empty")));
            }
            return new PlanRead(posts, problems);
        }

        /** Finds the columns; false (and a problem) when a required one is missing. */
        private boolean header(CsvRecord record) {
            headers = record.getFields().stream().map(PlanCsv::clean).toList();
            columns.putAll(columns(headers));
            boolean complete = true;
            for (Column column : Column.values()) {
                if (column.required && !columns.containsKey(column)) {
                    problems.add(new RowProblem(file, record.getStartingLineNumber(), column.header(), "",
                            Reason.of("schedule.plan.noColumn", column.header() + " (" + column.names.get(1) + ")",
                                    String.join(", ", headers))));
                    complete = false;
                }
            }
            return complete;
        }

        private void row(CsvRecord record) {
            Row row = new Row(record);
            Optional<String> platform = row.platform();
            Optional<LocalDate> date = row.date();
            Optional<LocalTime> time = row.time();
            Optional<String> format = row.format();
            Optional<Double> boost = row.boost();
            Optional<Boolean> locked = row.locked();
            if (!row.problems.isEmpty()) {
                problems.addAll(row.problems);
                return;
            }
            LocalDateTime at = date.orElseThrow().atTime(time.orElseThrow());
            String written = DATE.format(at) + " " + TIME.format(at);
            if (at.isBefore(now)) {
                problems.add(row.problem(Column.DATE, written, Reason.of("schedule.plan.past", written,
                        DATE.format(now) + " " + TIME.format(now))));
            } else if (!period.covers(at)) {
                problems.add(row.problem(Column.DATE, written, Reason.of("schedule.plan.outside", written,
                        DATE.format(period.start()), DATE.format(period.end().minusDays(1)))));
            } else {
                posts.add(new PlannedPost(platform.orElseThrow(), at, format.orElseThrow(), row.topic(),
                        boost.orElseThrow(), locked.orElseThrow()));
            }
        }

        /** One row's cells, each read or reported. */
        private final class Row {
            private final CsvRecord record;
            private final List<RowProblem> problems = new ArrayList<>();

            Row(CsvRecord record) {
                this.record = record;
            }

            String cell(Column column) {
                Integer index = columns.get(column);
                return index == null || index >= record.getFieldCount() ? "" : clean(record.getField(index));
            }

            RowProblem problem(Column column, String value, Reason reason) {
                return new RowProblem(file, record.getStartingLineNumber(), headers.get(columns.get(column)), value,
                        reason);
            }

            private <T> Optional<T> bad(Column column, String key) {
                String value = cell(column);
                problems.add(problem(column, value, Reason.of(key, value)));
                return Optional.empty();
            }

            Optional<String> platform() {
                String name = cell(Column.PLATFORM);
                if (name.isEmpty()) {
                    return bad(Column.PLATFORM, "schedule.plan.noPlatform");
                }
                Optional<String> code = platforms.code(name);
                return code.isPresent() ? code : bad(Column.PLATFORM, "schedule.plan.unknownPlatform");
            }

            Optional<LocalDate> date() {
                String text = cell(Column.DATE);
                DayOfWeek weekday = WEEKDAYS.get(text.toLowerCase(Locale.ROOT));
                if (weekday != null) {
                    LocalDate first = period.start().toLocalDate();
                    return Optional.of(first.plusDays((weekday.getValue() - first.getDayOfWeek().getValue() + 7) % 7));
                }
                try {
                    return Optional.of(LocalDate.parse(text.replace('/', '-'), DATE));
                } catch (DateTimeParseException e) {
                    return bad(Column.DATE, "schedule.plan.notDate");
                }
            }

            Optional<LocalTime> time() {
                Matcher clock = CLOCK.matcher(cell(Column.TIME).replace('：', ':'));
                if (clock.matches()) {
                    int hour = Integer.parseInt(clock.group(1));
                    int minute = Integer.parseInt(clock.group(2));
                    int second = clock.group(3) == null ? 0 : Integer.parseInt(clock.group(3));
                    if (hour < 24 && minute < 60 && second < 60) {
                        return Optional.of(LocalTime.of(hour, minute, second));
                    }
                }
                return bad(Column.TIME, "schedule.plan.notTime");
            }

            Optional<String> format() {
                String text = cell(Column.FORMAT);
                if (text.isEmpty()) {
                    return Optional.of("other");
                }
                Optional<String> format = PostFormats.code(text);
                return format.isPresent() ? format : bad(Column.FORMAT, "schedule.plan.unknownFormat");
            }

            String topic() {
                String text = cell(Column.TOPIC);
                // Undoes the apostrophe the writer puts before a formula or an apostrophe (see guarded).
                boolean guarded = text.length() > 1 && text.charAt(0) == '\''
                        && "=+-@\t\r'".indexOf(text.charAt(1)) >= 0;
                return guarded ? text.substring(1) : text;
            }

            Optional<Double> boost() {
                if (cell(Column.BOOST).isEmpty()) {
                    return Optional.of(0.0);
                }
                try {
                    Amounts.Money money = Amounts.parse(cell(Column.BOOST));
                    if (money != null && money.amount().signum() >= 0) {
                        return Optional.of(money.amount().doubleValue());
                    }
                    return money == null ? Optional.of(0.0) : bad(Column.BOOST, "schedule.plan.notAmount");
                } catch (ValueException e) {
                    return bad(Column.BOOST, "schedule.plan.notAmount");
                }
            }

            Optional<Boolean> locked() {
                String text = key(cell(Column.LOCKED));
                if (text.isEmpty()) {
                    return Optional.of(false);
                }
                Boolean locked = YES_NO.get(text);
                return locked != null ? Optional.of(locked) : bad(Column.LOCKED, "schedule.plan.notYesNo");
            }
        }
    }
}
