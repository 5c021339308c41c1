/**
 * robots.txt: fetched once per site, cached, and asked before every request.
 */
@NullMarked
package io.dispycluster.worker.robots;

import org.jspecify.annotations.NullMarked;
