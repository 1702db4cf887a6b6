package com.campaignstudio.importer;

import com.campaignstudio.text.Reason;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns one row of cells into the column values of the target table, or says why it cannot. */
final class RowConverter {

    private final EntityKind kind;
    private final ColumnMapping mapping;
    private final List<String> headers;
    private final DateTimes dates;
    private final Pseudonymiser pseudonymiser;
    private final References references;
    private final Map<String, Integer> maxLengths;
    private final boolean hasCurrency;
    /** Products and campaigns are looked up (and created) only once the rest of the row is known good. */
    private final List<Field> fieldsReferencesLast;

    RowConverter(Connection connection, EntityKind kind, ColumnMapping mapping, List<String> headers, ZoneId zone,
                 Pseudonymiser pseudonymiser, References references) throws SQLException {
        this.kind = kind;
        this.mapping = mapping;
        this.headers = headers;
        this.dates = new DateTimes(zone);
        this.pseudonymiser = pseudonymiser;
        this.references = references;
        this.maxLengths = maxLengths(connection, kind.table());
        this.hasCurrency = maxLengths.containsKey("currency");
        this.fieldsReferencesLast = kind.fields().stream()
                .sorted(java.util.Comparator.comparing(f -> f.type() == ValueType.PRODUCT || f.type() == ValueType.CAMPAIGN))
                .toList();
    }

    /** The values of the mapped fields by column name; optional fields without a value are null. */
    Map<String, Object> convert(SourceRow row) throws RejectedRowException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : fieldsReferencesLast) {
            Integer column = mapping.columns().get(field.key());
            String constant = mapping.constants().get(field.key());
            if (column == null && constant == null) {
                continue;
            }
            String raw = column != null ? row.cell(column) : constant;
            String header = column != null && column < headers.size() ? headers.get(column) : field.key();
            String shown = shownInRejection(field, raw);
            if (raw != null && raw.indexOf(Decoding.INVALID) >= 0) {
                throw new RejectedRowException(header, shown, Reason.of("reject.invalidBytes"));
            }
            Object value;
            try {
                value = Text.isBlank(Text.normalize(raw)) ? null : read(field, raw, values);
            } catch (ValueException e) {
                throw new RejectedRowException(header, shown, e.reason());
            } catch (SQLException e) {
                throw new RejectedRowException(header, shown, Reason.of("reject.notStored"));
            }
            if (value == null && field.required()) {
                throw new RejectedRowException(header, shown, Reason.of("reject.required"));
            }
            if (value instanceof String text && maxLengths.getOrDefault(field.column(), Integer.MAX_VALUE) < text.length()) {
                throw new RejectedRowException(header, shown, Reason.of("reject.tooLong", maxLengths.get(field.column())));
            }
            values.put(field.column(), value);
        }
        return values;
    }

    /**
     * The cell as a rejection keeps it, in the project and in the rejected-rows file: a person's id is kept only
     * as its pseudonym (like every stored id), so that a malformed id never puts the raw one in the project.
     */
    private String shownInRejection(Field field, String raw) {
        String readable = Decoding.readable(raw);
        if (field.type() != ValueType.PERSON_ID || readable == null || Text.isBlank(Text.normalize(readable))) {
            return readable;
        }
        return pseudonymiser.apply(readable);
    }

    private Object read(Field field, String raw, Map<String, Object> values) throws ValueException, SQLException {
        return switch (field.type()) {
            case TEXT, ID -> Text.normalize(raw);
            case PERSON_ID -> pseudonymiser.apply(raw);
            case PLATFORM -> references.platform(raw).orElseThrow(() ->
                    new ValueException("reject.platform", references.knownPlatforms()));
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
            case PRODUCT -> references.product(raw);
            case CAMPAIGN -> references.campaign(raw);
        };
    }

    private static Map<String, Integer> maxLengths(Connection connection, String table) throws SQLException {
        Map<String, Integer> lengths = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COLUMN_NAME, CHARACTER_MAXIMUM_LENGTH "
                     + "FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = '"
                     + table.toUpperCase(Locale.ROOT) + "'")) {
            while (rs.next()) {
                long length = rs.getLong(2);
                lengths.put(rs.getString(1).toLowerCase(Locale.ROOT),
                        rs.wasNull() ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, length));
            }
        }
        return lengths;
    }
}
