/**
 * The synchronous scrape API and the validation of crawl orders.
 */
@NullMarked
package io.dispycluster.worker.scrape;

import org.jspecify.annotations.NullMarked;
