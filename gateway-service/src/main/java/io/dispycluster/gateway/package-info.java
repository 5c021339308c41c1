/**
 * The gateway service: routes, aggregate views and the edge's security.
 */
@NullMarked
package io.dispycluster.gateway;

import org.jspecify.annotations.NullMarked;
