package com.campaignstudio.drivers;

import java.util.List;

/** A regression that cannot be fitted; the message says why, names the inputs at fault and what to try instead. */
public final class DriversException extends Exception {

    private final transient DriverMessage reason;

    public DriversException(String key, List<DriverInput> inputs, Object... values) {
        this(DriverMessage.of(key, inputs, values));
    }

    public DriversException(String key, Object... values) {
        this(DriverMessage.of(key, List.of(), values));
    }

    private DriversException(DriverMessage reason) {
        super(DriverText.english().message(reason), null, false, false);
        this.reason = reason;
    }

    public DriverMessage reason() {
        return reason;
    }
}
