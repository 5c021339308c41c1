/**
 * One Swagger UI over every service: each service's OpenAPI document, served through the
 * gateway with the gateway as its server.
 */
@NullMarked
package io.dispycluster.gateway.openapi;

import org.jspecify.annotations.NullMarked;
