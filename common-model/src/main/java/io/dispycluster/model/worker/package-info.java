/**
 * Workers on the wire: registration with the controller, their health and the
 * controller's view of them.
 */
@NullMarked
package io.dispycluster.model.worker;

import org.jspecify.annotations.NullMarked;
