/**
 * Cross-cutting wiring: request ids, problem details for every error.
 */
@NullMarked
package io.dispycluster.gateway.system;

import org.jspecify.annotations.NullMarked;
