package io.dispycluster.scheduler.scrape;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * Registers the declarative client of the controller.
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "controller", types = ControllerClient.class)
class ScrapeConfiguration {

}
