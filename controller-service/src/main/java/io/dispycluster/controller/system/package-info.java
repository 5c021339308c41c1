/**
 * Cross-cutting wiring: RFC 9457 problem details, request body limits, the clock and
 * scheduling. Feature packages may use it; it uses none of them.
 */
@NullMarked
package io.dispycluster.controller.system;

import org.jspecify.annotations.NullMarked;
