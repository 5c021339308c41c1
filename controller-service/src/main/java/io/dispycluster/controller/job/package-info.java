/**
 * Jobs: intake and validation of scrape requests, the job lifecycle (one state machine),
 * the persistent priority queue and the read API. Other features use {@link JobQueue},
 * {@link Job} and its identifiers; the rest is internal.
 */
@NullMarked
package io.dispycluster.controller.job;

import org.jspecify.annotations.NullMarked;
