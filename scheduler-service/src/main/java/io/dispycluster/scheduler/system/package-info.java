/**
 * Cross-cutting wiring: cluster-wide configuration and RFC 9457 error responses.
 */
@NullMarked
package io.dispycluster.scheduler.system;

import org.jspecify.annotations.NullMarked;
