package io.dispycluster.worker.report;

import java.util.concurrent.ScheduledExecutorService;

import io.dispycluster.model.job.AttemptProgress;
import io.dispycluster.model.worker.WorkerRegistration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the worker's news to the controller: progress once (the next tick sends fresher
 * news anyway), final reports retried in the background until the controller accepts or
 * refuses them, and the registration. News about a job carries the request id its
 * assignment came with. A final report too large for the controller is sent again without
 * its result, as a failure that says so ({@link ReportDelivery}).
 */
public class ControllerReports {

	private final ControllerClient client;

	private final ScheduledExecutorService scheduler;

	private final ReportProperties properties;

	private final JsonMapper json;

	ControllerReports(ControllerClient client, ScheduledExecutorService scheduler, ReportProperties properties,
			JsonMapper json) {
		this.client = client;
		this.scheduler = scheduler;
		this.properties = properties;
		this.json = json;
	}

	/**
	 * Sends progress once, on the caller's thread.
	 * @param jobId the job
	 * @param requestId the request id of the job's assignment, or null
	 * @param progress the progress
	 * @return the controller's answer; {@link Answer#NOT_CURRENT} means the controller no
	 * longer counts on the attempt
	 */
	public Answer progress(String jobId, @Nullable String requestId, AttemptProgress progress) {
		return Answer.of("Progress of job " + jobId, () -> this.client.progress(jobId, requestId, progress));
	}

	/**
	 * Delivers a final report in the background, retrying while the controller is
	 * unavailable.
	 * @param jobId the job
	 * @param requestId the request id of the job's assignment, or null
	 * @param report the report
	 * @param whenSettled run once when the report is no longer tried: the controller
	 * answered, the retries gave up, or the worker is stopping
	 */
	public void report(String jobId, @Nullable String requestId, AttemptReportBody report, Runnable whenSettled) {
		ReportDelivery delivery = new ReportDelivery(this.client, this.json, jobId, requestId, report);
		new RetryingCall(delivery.what(), delivery, this.scheduler, this.properties, this.properties.giveUpAfter(),
				whenSettled)
			.start();
	}

	/**
	 * Delivers a final report once, on the caller's thread, for a worker that is stopping
	 * and has no background left to retry in.
	 * @param jobId the job
	 * @param requestId the request id of the job's assignment, or null
	 * @param report the report
	 * @return the controller's answer
	 */
	public Answer reportOnce(String jobId, @Nullable String requestId, AttemptReportBody report) {
		return new ReportDelivery(this.client, this.json, jobId, requestId, report).get();
	}

	/**
	 * Registers the worker once, on the caller's thread; {@link RegistrationLoop} repeats
	 * it.
	 * @return the controller's answer
	 */
	Answer registerOnce(WorkerRegistration registration) {
		return Answer.of("Registration of node " + registration.node(), () -> this.client.register(registration));
	}

}
