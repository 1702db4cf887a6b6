package com.campaignstudio.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One benchmark case's figures, printed as {@code bench case=NAME size=N seconds=S peak_heap_mb=M ...}. */
public record BenchResult(String name, long size, double seconds, long peakHeapMb, Map<String, String> extra) {

    public BenchResult {
        extra = new LinkedHashMap<>(extra);
    }

    public String line() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "bench case=%s size=%d seconds=%.3f peak_heap_mb=%d", name, size, seconds, peakHeapMb));
        extra.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
        return line.toString();
    }
}
