package com.campaignstudio.drivers;

import java.util.List;

/**
 * A warning or refusal about named inputs, kept structured so that each face writes the inputs' names in its own
 * language ({@link DriverText}): the message key, the inputs it names (its first arguments) and then further values
 * already written as text (a count, a factor).
 */
public record DriverMessage(String key, List<DriverInput> inputs, List<String> values) {

    public DriverMessage {
        inputs = List.copyOf(inputs);
        values = List.copyOf(values);
    }

    public static DriverMessage of(String key, List<DriverInput> inputs, Object... values) {
        return new DriverMessage(key, inputs, java.util.Arrays.stream(values).map(String::valueOf).toList());
    }
}
