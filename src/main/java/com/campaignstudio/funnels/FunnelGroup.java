package com.campaignstudio.funnels;

import com.campaignstudio.snapshot.Label;

/** One group of a breakdown and its funnel. */
public record FunnelGroup(Label label, FunnelFigures figures) {
}
