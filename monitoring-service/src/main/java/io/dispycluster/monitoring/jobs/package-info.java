/**
 * What the controller knows about workers, jobs and its queue, read over its HTTP API,
 * and the history of the queue's depth kept here.
 */
@NullMarked
package io.dispycluster.monitoring.jobs;

import org.jspecify.annotations.NullMarked;
