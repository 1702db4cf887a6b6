package com.campaignstudio.portrait;

/**
 * Which followers a portrait describes: all of them, or only those on one platform, only the buyers, only one
 * segment of a saved segmentation, or any of these together.
 *
 * @param platform   a platform code, or null for every platform
 * @param buyersOnly only followers with a paid order
 * @param segment    a saved segment, or null for no segment
 */
public record PortraitGroup(String platform, boolean buyersOnly, Segment segment) {

    /**
     * A segment of a saved segmentation.
     *
     * @param segmentationId the saved segmentation
     * @param segmentNo      the segment's number in it (0 = the most valuable)
     * @param name           the segment's name, as shown
     */
    public record Segment(long segmentationId, int segmentNo, String name) {
    }

    public static PortraitGroup everyone() {
        return new PortraitGroup(null, false, null);
    }

    public static PortraitGroup buyers() {
        return new PortraitGroup(null, true, null);
    }

    public static PortraitGroup onPlatform(String code) {
        return new PortraitGroup(code, false, null);
    }

    public static PortraitGroup inSegment(Segment segment) {
        return new PortraitGroup(null, false, segment);
    }

    public boolean isEveryone() {
        return platform == null && !buyersOnly && segment == null;
    }
}
