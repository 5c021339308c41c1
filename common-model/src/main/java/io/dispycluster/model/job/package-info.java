/**
 * Scrape jobs on the wire: what users submit, what the controller assigns to a worker and
 * what the worker reports back.
 */
@NullMarked
package io.dispycluster.model.job;

import org.jspecify.annotations.NullMarked;
