/**
 * Alerts: rules with thresholds and durations evaluated after every collection round,
 * fired once and resolved when the condition clears, kept as history, and sent to
 * webhooks.
 */
@NullMarked
package io.dispycluster.monitoring.alert;

import org.jspecify.annotations.NullMarked;
