/**
 * Talking to the controller: registration, progress and final reports, retried with
 * backoff.
 */
@NullMarked
package io.dispycluster.worker.report;

import org.jspecify.annotations.NullMarked;
