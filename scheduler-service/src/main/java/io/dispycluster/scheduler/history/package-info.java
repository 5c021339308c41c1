/**
 * The run history of tasks and workflows ({@code GET /history}).
 */
@NullMarked
package io.dispycluster.scheduler.history;

import org.jspecify.annotations.NullMarked;
