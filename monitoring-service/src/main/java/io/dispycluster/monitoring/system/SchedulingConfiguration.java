package io.dispycluster.monitoring.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on scheduling. Each feature registers its periodic tasks with an interval from
 * its own properties record (a {@code SchedulingConfigurer}), never with a property
 * string.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

}
