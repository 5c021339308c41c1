/**
 * The edge's protections: API keys, the internal token toward the services, rate limits,
 * CORS and the request body cap.
 */
@NullMarked
package io.dispycluster.gateway.security;

import org.jspecify.annotations.NullMarked;
