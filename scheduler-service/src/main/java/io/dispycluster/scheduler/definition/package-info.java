/**
 * What tasks and workflows share as scheduled definitions: a row with an enabled flag and
 * run counters, and a Quartz job of its own that fires while it is enabled. Each feature
 * keeps its own columns, API and runs; this package keeps the row and the job in step.
 */
@NullMarked
package io.dispycluster.scheduler.definition;

import org.jspecify.annotations.NullMarked;
