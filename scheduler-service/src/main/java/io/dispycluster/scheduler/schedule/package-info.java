/**
 * When tasks and workflows fire: the schedule types and their validation, the translation
 * of Unix cron into Quartz triggers, the Quartz job store, and what happens to fires
 * missed while the service was down.
 */
@NullMarked
package io.dispycluster.scheduler.schedule;

import org.jspecify.annotations.NullMarked;
