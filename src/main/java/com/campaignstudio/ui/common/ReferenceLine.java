package com.campaignstudio.ui.common;

/**
 * A horizontal line across a chart at {@code value} of its value axis (zero, a threshold that matters), drawn in
 * its style class; the value axis spans it.
 */
public record ReferenceLine(double value, String styleClass) {
}
