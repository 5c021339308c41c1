package io.dispycluster.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ScraperWorkerApplication {

	public static void main(String[] args) {
		SpringApplication.run(ScraperWorkerApplication.class, args);
	}

}
