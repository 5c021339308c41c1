package io.dispycluster.worker.scrape;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What the web slice needs of the scrape feature besides its controller, named here so
 * that those classes can stay package-private.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SynchronousCrawls.class)
public class ScrapeWebSlice {

}
