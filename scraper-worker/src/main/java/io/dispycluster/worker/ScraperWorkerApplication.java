package io.dispycluster.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The scraper worker: one per node, crawls the sites the controller assigns to it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ScraperWorkerApplication {

	public static void main(String[] args) {
		SpringApplication.run(ScraperWorkerApplication.class, args);
	}

}
