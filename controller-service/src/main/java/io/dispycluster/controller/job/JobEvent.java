package io.dispycluster.controller.job;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a job's history: a state change, when and why.
 *
 * @param at when it happened
 * @param from the state before, null for the job's acceptance
 * @param to the state after
 * @param attempt the job's attempt number at that moment
 * @param node the worker concerned, or null
 * @param reason why, in a few words
 */
public record JobEvent(Instant at, @Nullable JobState from, JobState to, int attempt, @Nullable String node,
		String reason) {
}
