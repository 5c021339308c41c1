/**
 * Scrapes on behalf of tasks and workflows: a batch submitted to the controller (with
 * retry while it is unreachable), then its jobs followed until they finish. The state
 * lives in the database, so a restart loses nothing.
 */
@NullMarked
package io.dispycluster.scheduler.scrape;

import org.jspecify.annotations.NullMarked;
