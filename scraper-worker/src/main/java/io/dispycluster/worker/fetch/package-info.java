/**
 * HTTP fetching: the only place that talks HTTP to the sites being crawled.
 */
@NullMarked
package io.dispycluster.worker.fetch;

import org.jspecify.annotations.NullMarked;
