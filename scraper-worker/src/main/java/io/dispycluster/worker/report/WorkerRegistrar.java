package io.dispycluster.worker.report;

import java.util.concurrent.ScheduledExecutorService;

import io.dispycluster.model.worker.WorkerRegistration;
import io.dispycluster.worker.WorkerProperties;
import io.dispycluster.worker.node.WorkerInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Registers the worker with the controller once it is ready, so that a new node joins the
 * cluster by starting its worker, and again every
 * {@code dispycluster.worker.registration-interval}. Registration runs in the background;
 * start-up never waits for it.
 */
@Component
class WorkerRegistrar {

	private static final Logger LOG = LoggerFactory.getLogger(WorkerRegistrar.class);

	private final WorkerProperties worker;

	private final ControllerReports reports;

	private final ScheduledExecutorService scheduler;

	private final ReportProperties properties;

	/**
	 * This process's own id, sent with every registration: the controller tells a restart
	 * from a renewal by it, even one faster than its health checks.
	 */
	private final WorkerInstance instance;

	WorkerRegistrar(WorkerProperties worker, WorkerInstance instance, ControllerReports reports,
			ScheduledExecutorService controllerCallScheduler, ReportProperties properties) {
		this.worker = worker;
		this.instance = instance;
		this.reports = reports;
		this.scheduler = controllerCallScheduler;
		this.properties = properties;
	}

	@EventListener
	void register(ApplicationReadyEvent event) {
		if (!this.worker.register()) {
			LOG.info("Registration with the controller is off (dispycluster.worker.register=false)");
			return;
		}
		String url = advertisedUrl(event);
		LOG.info("Registering node {} at {} with the controller, labels {}", this.worker.nodeName(), url,
				this.worker.labels());
		WorkerRegistration registration = new WorkerRegistration(this.worker.nodeName(), url, this.worker.capacity(),
				this.worker.labels(), this.instance.id());
		new RegistrationLoop(registration, this.reports, this.scheduler, this.properties,
				this.worker.registrationInterval())
			.start();
	}

	// With server.port=0 the configured URL names port 0: advertise the port really
	// bound.
	private String advertisedUrl(ApplicationReadyEvent event) {
		String url = this.worker.advertisedUrl();
		if (url.endsWith(":0") && event.getApplicationContext() instanceof WebServerApplicationContext web
				&& web.getWebServer() != null) {
			return url.substring(0, url.length() - 1) + web.getWebServer().getPort();
		}
		return url;
	}

}
