/**
 * Workflows: steps ({@code scrape}, {@code wait}, {@code webhook}, {@code condition})
 * whose {@code depends_on} form a DAG, run with independent steps in parallel. Every run
 * and the state of each of its steps live in the database, so a restart resumes a run
 * where it was. Conditions are declarative checks; nothing is ever evaluated as code.
 */
@NullMarked
package io.dispycluster.scheduler.workflow;

import org.jspecify.annotations.NullMarked;
