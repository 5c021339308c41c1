package io.dispycluster.controller.worker;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code POST /workers/{node}/ping}, as upstream:
 * {@code {"status":"online","response_time":0.012}} or
 * {@code {"status":"offline","error":"..."}}.
 *
 * @param status online or offline
 * @param responseTime seconds the health call took, when online
 * @param error why the worker did not answer, when offline
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PingResult(String status, @Nullable Double responseTime, @Nullable String error) {

	static PingResult online(double responseTime) {
		return new PingResult("online", responseTime, null);
	}

	static PingResult offline(String error) {
		return new PingResult("offline", null, error);
	}

}
