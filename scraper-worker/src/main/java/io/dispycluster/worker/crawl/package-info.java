/**
 * The crawl itself: breadth-first frontier, scope, politeness, budget and the
 * orchestrator that drives fetch, parse and extraction.
 */
@NullMarked
package io.dispycluster.worker.crawl;

import org.jspecify.annotations.NullMarked;
