/**
 * Wire records and enums exchanged between the DispyCluster services. Records only: no
 * behaviour, no Spring. Every service serialises them with the snake_case naming strategy
 * and lower-case enums, so {@code startUrl} travels as {@code start_url} and
 * {@code JobStatus.PENDING} as {@code "pending"}.
 */
@NullMarked
package io.dispycluster.model;

import org.jspecify.annotations.NullMarked;
