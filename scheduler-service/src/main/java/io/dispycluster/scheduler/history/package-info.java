/**
 * The runs of tasks and workflows as history: what every run table has, how runs are
 * counted and purged, and {@code GET /history}.
 */
@NullMarked
package io.dispycluster.scheduler.history;

import org.jspecify.annotations.NullMarked;
