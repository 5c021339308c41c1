/**
 * The scraper worker: the application and the node's identity, shared by its features.
 */
@NullMarked
package io.dispycluster.worker;

import org.jspecify.annotations.NullMarked;
