/**
 * Benchmark tools run by the scripts of {@code bench/}: they print their results and
 * assert nothing.
 */
@NullMarked
package io.dispycluster.bench;

import org.jspecify.annotations.NullMarked;
