/**
 * Scrape tasks: their definitions and API, their Quartz jobs, and their runs (each a
 * batch submitted to the controller and followed to its jobs' real outcome).
 */
@NullMarked
package io.dispycluster.scheduler.task;

import org.jspecify.annotations.NullMarked;
