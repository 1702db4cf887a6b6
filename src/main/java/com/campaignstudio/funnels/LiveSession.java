package com.campaignstudio.funnels;

import java.time.LocalDateTime;
import java.util.OptionalLong;

/** One live-stream selling session as imported: viewers, those who engaged (when the export says), buyers, revenue. */
public record LiveSession(long id, int platformId, LocalDateTime startedAt, int minutes, long viewers,
                          OptionalLong engaged, long buyers, double revenue) {
}
