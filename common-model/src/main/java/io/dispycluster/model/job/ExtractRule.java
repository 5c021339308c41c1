package io.dispycluster.model.job;

import org.jspecify.annotations.Nullable;

/**
 * How to read one field from a crawled page, as a job's {@code extract} names it:
 * {@code {"price": {"selector": ".price", "attribute": "text", "all": false}}}.
 *
 * @param selector a CSS selector (jsoup syntax); required
 * @param attribute what to read from the matching element: {@code text} (the default),
 * {@code html}, or any attribute name such as {@code href} or {@code src} (URL attributes
 * are resolved to absolute URLs)
 * @param all whether to read every matching element into a list (default: the first one
 * only, or null when none matches)
 */
public record ExtractRule(@Nullable String selector, @Nullable String attribute, @Nullable Boolean all) {
}
