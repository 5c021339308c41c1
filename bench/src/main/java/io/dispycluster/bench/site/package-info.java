/**
 * The crawl benchmark's fixture: a deterministic site, the server that serves it and the
 * plain jsoup parse that gives the ceiling.
 */
@NullMarked
package io.dispycluster.bench.site;

import org.jspecify.annotations.NullMarked;
