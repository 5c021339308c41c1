/**
 * Calls to the services behind the gateway: their addresses, timeouts, the proxy used by
 * the routes and the concurrent calls behind the aggregate views.
 */
@NullMarked
package io.dispycluster.gateway.upstream;

import org.jspecify.annotations.NullMarked;
