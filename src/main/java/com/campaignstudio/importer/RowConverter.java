package com.campaignstudio.importer;

import com.campaignstudio.text.Reason;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one row of cells into the column values of the target table, or says why it cannot. Runs apart from the
 * database (on the thread that reads the file): platforms, products and campaigns come out as {@link Unresolved}
 * names, which the writing side turns into ids.
 */
final class RowConverter {

    /** A platform, product or campaign by the name the file gives, to be looked up (or created) when written. */
    record Unresolved(ValueType type, String name, String header) {
    }

    private final EntityKind kind;
    private final ColumnMapping mapping;
    private final List<String> headers;
    private final DateTimes dates;
    private final Pseudonymiser pseudonymiser;
    private final Map<String, Integer> maxLengths;
    private final boolean hasCurrency;
    private final List<Field> mapped;
    private final Set<String> required;

    RowConverter(Connection connection, EntityKind kind, ColumnMapping mapping, List<String> headers, DateTimes dates,
                 Pseudonymiser pseudonymiser) throws SQLException {
        this.kind = kind;
        this.mapping = mapping;
        this.headers = headers;
        this.dates = dates;
        this.pseudonymiser = pseudonymiser;
        this.maxLengths = maxLengths(connection, kind.table());
        this.hasCurrency = maxLengths.containsKey("currency");
        this.mapped = kind.fields().stream().filter(f -> mapping.maps(f.key())).toList();
        this.required = kind.fields().stream().filter(f -> f.requiredIn(mapping)).map(Field::key)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** The values of the mapped fields by column name; optional fields without a value are null. */
    Map<String, Object> convert(SourceRow row) throws RejectedRowException {
        Map<String, Object> values = new HashMap<>();
        for (Field field : mapped) {
            Integer column = mapping.columns().get(field.key());
            String constant = mapping.constants().get(field.key());
            String raw = column != null ? row.cell(column) : constant;
            String header = column != null && column < headers.size() ? headers.get(column) : field.key();
            if (raw != null && raw.indexOf(Decoding.INVALID) >= 0) {
                throw rejection(field, header, raw, Reason.of("reject.invalidBytes"));
            }
            Object value;
            try {
                value = Text.isBlank(Text.normalize(raw)) ? null : read(field, raw, values);
            } catch (ValueException e) {
                throw rejection(field, header, raw, e.reason());
            }
            if (value == null && required.contains(field.key())) {
                throw rejection(field, header, raw, Reason.of("reject.required"));
            }
            if (value instanceof String text && maxLengths.getOrDefault(field.column(), Integer.MAX_VALUE) < text.length()) {
                throw rejection(field, header, raw, Reason.of("reject.tooLong", maxLengths.get(field.column())));
            }
            values.put(field.column(), value);
        }
        return values;
    }

    /**
     * A rejection of the cell as it is kept, in the project and in the rejected-rows file: a person's id only as
     * its pseudonym (like every stored id), so that a malformed id never puts the raw one in the project.
     */
    private RejectedRowException rejection(Field field, String header, String raw, Reason reason) {
        String readable = Decoding.readable(raw);
        boolean personal = field.type() == ValueType.PERSON_ID && readable != null && !Text.isBlank(Text.normalize(readable));
        return new RejectedRowException(header, personal ? pseudonymiser.apply(readable) : readable, reason);
    }

    private Object read(Field field, String raw, Map<String, Object> values) throws ValueException {
        return switch (field.type()) {
            case TEXT, ID -> Text.normalize(raw);
            case PERSON_ID -> Vocabulary.isGuest(raw) ? null : pseudonymiser.apply(raw);
            case QUANTITY -> Counts.parseQuantity(raw);
            case PLATFORM, PRODUCT, CAMPAIGN -> new Unresolved(field.type(), Text.normalize(raw), header(field));
            case DATE_TIME -> dates.parse(raw);
            case DATE -> {
                LocalDateTime time = dates.parse(raw);
                yield time == null ? null : time.toLocalDate();
            }
            case AMOUNT -> {
                Amounts.Money money = Amounts.parse(raw);
                if (money != null && hasCurrency && !money.currency().isEmpty() && field.key().equals("amount")) {
                    values.put("currency", money.currency());
                }
                yield money == null ? null : money.amount();
            }
            case COUNT -> {
                Long count = Counts.parseCount(raw);
                if (count != null && field.key().equals("event_count") && count <= 0) {
                    throw new ValueException("reject.eventCount");
                }
                yield count;
            }
            case MINUTES -> Vocabulary.minutes(raw);
            case ORDER_STATUS -> Vocabulary.orderStatus(raw);
            case ENGAGEMENT_KIND -> Vocabulary.engagementKind(raw);
            case POST_FORMAT -> Vocabulary.postFormat(raw);
            case PRODUCT_KIND -> Vocabulary.productKind(raw);
            case GENDER -> Vocabulary.gender(raw);
        };
    }

    private String header(Field field) {
        Integer column = mapping.columns().get(field.key());
        return column != null && column < headers.size() ? headers.get(column) : field.key();
    }

    private static Map<String, Integer> maxLengths(Connection connection, String table) throws SQLException {
        Map<String, Integer> lengths = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COLUMN_NAME, CHARACTER_MAXIMUM_LENGTH "
                     + "FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = '"
                     + table.toUpperCase(Locale.ROOT) + "' AND DATA_TYPE LIKE 'CHARACTER%'")) {
            while (rs.next()) {
                long length = rs.getLong(2);
                lengths.put(rs.getString(1).toLowerCase(Locale.ROOT),
                        rs.wasNull() ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, length));
            }
        }
        return lengths;
    }
}
