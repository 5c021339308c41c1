/**
 * The nodes this service watches, from the configured inventory, and the samples taken of
 * them.
 */
@NullMarked
package io.dispycluster.monitoring.node;

import org.jspecify.annotations.NullMarked;
