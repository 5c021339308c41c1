package io.dispycluster.controller.job;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * What the job web slice needs besides the controller: its limits, bound from
 * application.yml like in the application.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobProperties.class)
class JobWebSliceConfiguration {

}
