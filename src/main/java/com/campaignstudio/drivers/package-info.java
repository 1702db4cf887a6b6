/**
 * Drivers of conversion (domain.md section 4): a logistic regression of "bought" and a linear one of the number of
 * paid orders, per follower, on inputs the user picks; coefficients with Wald intervals, variance inflation factors,
 * warnings for collinear inputs, small samples and separation, and a plain sentence per input. No JavaFX here.
 */
package com.campaignstudio.drivers;
