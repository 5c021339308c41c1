/**
 * The cluster's health at a glance ({@code /cluster/health}).
 */
@NullMarked
package io.dispycluster.monitoring.health;

import org.jspecify.annotations.NullMarked;
