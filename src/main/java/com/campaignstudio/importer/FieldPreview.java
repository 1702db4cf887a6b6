package com.campaignstudio.importer;

import com.campaignstudio.text.Reason;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.ResourceBundle;

/** How a cell will be read for a field, shown while the user maps columns; nothing is looked up or written. */
public final class FieldPreview {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DateTimes dates;
    private final ResourceBundle bundle;

    /** Previews read dates in {@code zone} and say what is wrong in the language of {@code bundle}. */
    public FieldPreview(ZoneId zone, ResourceBundle bundle) {
        this.dates = new DateTimes(zone);
        this.bundle = bundle;
    }

    /** The value as it will be stored, or the reason it will be rejected (prefixed with "✗ "). */
    public String preview(Field field, String raw) {
        String text = Text.normalize(raw);
        if (text.indexOf(Decoding.INVALID) >= 0) {
            return "✗ " + Reason.of("reject.invalidBytes").in(bundle);
        }
        if (Text.isBlank(text)) {
            return field.required() ? "✗ " + Reason.of("reject.required").in(bundle) : "";
        }
        try {
            return switch (field.type()) {
                case DATE_TIME -> dates.parse(raw).format(SHOWN);
                case DATE -> dates.parse(raw).toLocalDate().toString();
                case AMOUNT -> {
                    Amounts.Money money = Amounts.parse(raw);
                    yield money.amount().toPlainString() + (money.currency().isEmpty() ? "" : " "
                            + currency(money.currency()));
                }
                case COUNT -> Counts.parseCount(raw).toString();
                case QUANTITY -> Counts.parseQuantity(raw).toPlainString();
                case MINUTES -> Reason.of("preview.minutes", Vocabulary.minutes(raw)).in(bundle);
                case ORDER_STATUS -> word("value.status.", Vocabulary.orderStatus(raw));
                case ENGAGEMENT_KIND -> word("value.engagement.", Vocabulary.engagementKind(raw));
                case POST_FORMAT -> word("value.format.", Vocabulary.postFormat(raw));
                case PRODUCT_KIND -> word("value.product.", Vocabulary.productKind(raw));
                case GENDER -> word("value.gender.", Vocabulary.gender(raw));
                case PERSON_ID -> Reason.of("preview.pseudonymised").in(bundle);
                case TEXT, ID, PLATFORM, PRODUCT, CAMPAIGN -> text;
            };
        } catch (ValueException e) {
            return "✗ " + e.reason().in(bundle);
        }
    }

    /** A stored code (paid, female, video ...) in words of the bundle's language. */
    private String word(String prefix, String code) {
        return bundle.containsKey(prefix + code) ? bundle.getString(prefix + code) : code;
    }

    /**
     * A currency in the bundle's language: its name where the language has one for it (人民币), else its code,
     * which is also what English readers know it by (CNY).
     */
    private String currency(String code) {
        Locale language = bundle.getLocale();
        if (language.getLanguage().isEmpty() || language.getLanguage().equals("en")) {
            return code;
        }
        try {
            return Currency.getInstance(code).getDisplayName(language);
        } catch (IllegalArgumentException e) {
            return code;
        }
    }
}
