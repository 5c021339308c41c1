package io.dispycluster.scheduler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The scheduler service: cron, interval and one-off scrape tasks and dependency
 * workflows, on Quartz with a JDBC job store.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SchedulerApplication {

	public static void main(String[] args) {
		SpringApplication.run(SchedulerApplication.class, args);
	}

}
