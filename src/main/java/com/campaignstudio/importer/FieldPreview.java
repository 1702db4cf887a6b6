package com.campaignstudio.importer;


import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How a cell will be read for a field, shown while the user maps columns; nothing is looked up or written. */
public final class FieldPreview {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DateTimes dates;

    public FieldPreview(ZoneId zone) {
        this.dates = new DateTimes(zone);
    }

    /** The value as it will be stored, or the reason it will be rejected (prefixed with "✗ "). */
    public String preview(Field field, String raw) {
        String text = Text.normalize(raw);
        if (Text.isBlank(text)) {
            return field.required() ? "✗ empty" : "";
        }
        try {
            return switch (field.type()) {
                case DATE_TIME -> dates.parse(raw).format(SHOWN);
                case DATE -> dates.parse(raw).toLocalDate().toString();
                case AMOUNT -> {
                    Amounts.Money money = Amounts.parse(raw);
                    yield money.amount().toPlainString() + (money.currency().isEmpty() ? "" : " " + money.currency());
                }
                case COUNT -> Counts.parseCount(raw).toString();
                case MINUTES -> Vocabulary.minutes(raw) + " min";
                case ORDER_STATUS -> Vocabulary.orderStatus(raw);
                case ENGAGEMENT_KIND -> Vocabulary.engagementKind(raw);
                case POST_FORMAT -> Vocabulary.postFormat(raw);
                case PRODUCT_KIND -> Vocabulary.productKind(raw);
                case GENDER -> Vocabulary.gender(raw);
                case PERSON_ID -> "p_… (pseudonymised)";
                case TEXT, ID, PLATFORM, PRODUCT, CAMPAIGN -> text;
            };
        } catch (ValueException e) {
            return "✗ " + e.getMessage();
        }
    }
}
