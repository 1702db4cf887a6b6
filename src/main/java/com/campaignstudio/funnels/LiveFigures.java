package com.campaignstudio.funnels;

import com.campaignstudio.snapshot.Label;
import com.campaignstudio.stats.Proportion;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The live-stream funnel viewers → engaged → buyers of one session, or pooled over a group of sessions (sums of
 * viewers, engaged and buyers, so that a large session weighs more than a small one).
 *
 * @param label                  the session (its start), platform or period
 * @param sessions               sessions counted
 * @param viewers                viewers
 * @param buyers                 buyers
 * @param conversion             buyers / viewers with its 95% Wilson interval (1,000 viewers and 100 buyers: 10%)
 * @param engagedShare           engaged / viewers, over sessions whose export gives the engaged
 * @param buyersPerEngaged       buyers / engaged, over the same sessions
 * @param revenue                revenue
 * @param revenuePerViewerMinute revenue / (viewers × session minutes): viewer-minutes as if every viewer stayed the
 *                               whole session, since exports give no watch time per viewer
 */
public record LiveFigures(Label label, long sessions, long viewers, long buyers, Optional<Proportion> conversion,
                          Optional<Proportion> engagedShare, Optional<Proportion> buyersPerEngaged, double revenue,
                          OptionalDouble revenuePerViewerMinute) {
}
