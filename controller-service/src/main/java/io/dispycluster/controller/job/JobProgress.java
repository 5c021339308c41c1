package io.dispycluster.controller.job;

import org.jspecify.annotations.Nullable;

/**
 * How far a running job is, from its worker's last progress report.
 *
 * @param pagesDone pages crawled so far
 * @param maxPages pages it will crawl at most
 * @param currentUrl the URL being fetched, or null
 */
public record JobProgress(int pagesDone, int maxPages, @Nullable String currentUrl) {
}
