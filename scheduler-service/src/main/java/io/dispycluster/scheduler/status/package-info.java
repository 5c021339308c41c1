/**
 * The service's own description and health, in the upstream contract's shapes.
 */
@NullMarked
package io.dispycluster.scheduler.status;

import org.jspecify.annotations.NullMarked;
