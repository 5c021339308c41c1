/**
 * Cross-cutting wiring: problem details and request validation errors.
 */
@NullMarked
package io.dispycluster.worker.system;

import org.jspecify.annotations.NullMarked;
