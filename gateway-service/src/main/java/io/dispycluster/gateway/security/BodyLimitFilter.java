package io.dispycluster.gateway.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import io.dispycluster.gateway.system.ProblemWriter;
import io.dispycluster.support.problem.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code max-body-size} with a 413 problem, before any
 * of it reaches a service. A declared length is checked at once; a chunked body is read
 * up to the limit first, so a service never sees half of a refused body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
class BodyLimitFilter extends OncePerRequestFilter {

	private final DataSize max;

	private final ProblemWriter problems;

	BodyLimitFilter(SecurityProperties properties, ProblemWriter problems) {
		this.max = properties.maxBodySize();
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.max.toBytes()) {
			refuse(request, response);
			return;
		}
		if (declared == -1 && request.getHeader("Transfer-Encoding") != null) {
			byte[] body = readUpTo(request.getInputStream(), this.max.toBytes() + 1);
			if (body.length > this.max.toBytes()) {
				refuse(request, response);
				return;
			}
			chain.doFilter(new BufferedBodyRequest(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		// the client may still be sending: do not keep the connection for the rest of it
		response.setHeader("Connection", "close");
		this.problems.write(request, response, Problems.payloadTooLarge(this.max));
	}

	private static byte[] readUpTo(InputStream in, long limit) throws IOException {
		return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
	}

	/** The request with its body already read into memory. */
	private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body is already in memory");
				}

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

			};
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
