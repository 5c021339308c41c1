/**
 * Workers: the node inventory from configuration, self-registration, the periodic health
 * check that keeps each worker's status true, and the declarative client of the worker
 * API. Other features use {@link WorkerRegistry}, {@link Worker} and
 * {@link WorkerClient}.
 */
@NullMarked
package io.dispycluster.controller.worker;

import org.jspecify.annotations.NullMarked;
