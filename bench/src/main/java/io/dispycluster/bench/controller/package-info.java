/**
 * The controller benchmark: stub workers that accept assignments and report success at
 * once, and the load generator that submits batches and measures dispatch.
 */
@NullMarked
package io.dispycluster.bench.controller;

import org.jspecify.annotations.NullMarked;
