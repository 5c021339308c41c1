package io.dispycluster.controller.job;

/**
 * A crawl result as the worker sent it, kept verbatim as JSON so that fields the worker
 * adds reach users unchanged.
 *
 * @param json the result object as JSON text
 * @param pagesCrawled the number of URLs in its {@code crawled} list
 */
public record ResultDocument(String json, int pagesCrawled) {
}
