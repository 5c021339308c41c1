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

	/** Any other 4xx: the controller refuses; retrying would not help. */
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
		catch (RestClientResponseException ex) {
			LOG.debug("{}: controller answered {}", what, ex.getStatusCode().value());
			int status = ex.getStatusCode().value();
			if (status == 404 || status == 409 || status == 410) {
				return NOT_CURRENT;
			}
			return ex.getStatusCode().is4xxClientError() ? REFUSED : UNAVAILABLE;
		}
		catch (RestClientException ex) {
			LOG.debug("{}: controller unreachable: {}", what, ex.getMessage());
			return UNAVAILABLE;
		}
	}

}
