package io.dispycluster.monitoring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The monitoring service: node metrics, cluster health, alerts and performance reports.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MonitoringApplication {

	public static void main(String[] args) {
		SpringApplication.run(MonitoringApplication.class, args);
	}

}
