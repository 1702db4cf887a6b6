package com.campaignstudio.segments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/**
 * The raw (untransformed) value of each feature a segmentation clustered on, per member, for the columns an
 * audience export adds after the chosen ones. Platform is left out: the export's platform column says it.
 *
 * @param features the numeric features, in the segmentation's order
 * @param facts    the facts the segmentation was made from; row {@code i} is member {@code i}
 */
public record MemberFeatures(List<Feature> features, FollowerFacts facts) {

    /** No feature columns. */
    public static final MemberFeatures NONE = new MemberFeatures(List.of(), null);

    /**
     * The features of {@code segmentation} read from {@code facts}, which must be the facts it was made from (the
     * same followers): facts read again later would describe a different moment.
     */
    public static MemberFeatures of(Segmentation segmentation, FollowerFacts facts) {
        if (!Arrays.equals(segmentation.followerIds(), facts.ids())) {
            throw new IllegalArgumentException("the facts are not those the segmentation was made from");
        }
        return new MemberFeatures(segmentation.settings().features().stream()
                .filter(feature -> feature != Feature.PLATFORM).toList(), facts);
    }

    public List<String> headers() {
        return features.stream().map(Feature::key).toList();
    }

    /** Member {@code i}'s values, as a spreadsheet reads them: up to four decimals, empty when unknown. */
    public List<String> cells(int i) {
        return features.stream().map(feature -> number(facts.value(feature, i))).toList();
    }

    private static String number(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
