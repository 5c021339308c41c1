package io.dispycluster.controller.job;

/**
 * Published after jobs were queued (accepted or retried) and committed, so that dispatch
 * can run at once instead of waiting for its next round.
 *
 * @param count how many jobs were queued
 */
public record JobsQueued(int count) {
}
