package io.dispycluster.worker.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * What the controller made of a call, reduced to what the worker does next.
 */
public enum Answer {

	/** 2xx: done. */
	ACCEPTED,

	/**
	 * 409, 404 or 410: the controller no longer counts on this attempt (it was given to
	 * another worker, cancelled, or finished).
	 */
	NOT_CURRENT,

	/**
	 * Any other 4xx: the controller refuses; retrying would not help. (A final report
	 * refused with 413, too large, is sent again without its result first: see
	 * {@link ReportDelivery}.)
	 */
	REFUSED,

	/** 5xx or no answer at all: try again later. */
	UNAVAILABLE;

	private static final Logger LOG = LoggerFactory.getLogger(Answer.class);

	/**
	 * Makes a call and classifies its outcome.
	 * @param what the call, for the logs
	 * @param call the call
	 * @return the answer
	 */
	static Answer of(String what, Runnable call) {
		try {
			call.run();
			return ACCEPTED;
		}
		catch (RestClientException ex) {
			return of(what, ex);
		}
	}

	/**
	 * Classifies a failed call.
	 * @param what the call, for the logs
	 * @param ex how it failed
	 * @return the answer
	 */
	static Answer of(String what, RestClientException ex) {
		if (ex instanceof RestClientResponseException response) {
			int status = response.getStatusCode().value();
			LOG.debug("{}: controller answered {}", what, status);
			if (status == 404 || status == 409 || status == 410) {
				return NOT_CURRENT;
			}
			return response.getStatusCode().is4xxClientError() ? REFUSED : UNAVAILABLE;
		}
		LOG.debug("{}: controller unreachable: {}", what, ex.getMessage());
		return UNAVAILABLE;
	}

}
