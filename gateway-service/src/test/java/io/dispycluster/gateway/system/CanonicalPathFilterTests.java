package io.dispycluster.gateway.system;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalPathFilterTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/                      | /
			//                     | /
			/health                | /health
			/health/               | /health
			/overview//            | /overview
			//jobs                 | /jobs
			/cluster//jobs/        | /cluster/jobs
			/jobs///job_1//cancel/ | /jobs/job_1/cancel
			/cluster               | /cluster
			/cluster/              | /cluster/
			/cluster//             | /cluster/
			//monitoring/          | /monitoring/
			/scheduler/            | /scheduler/
			/jobs/a%2Fb/           | /jobs/a%2Fb
			""")
	void removesEmptySegmentsAndTheTrailingSlashButAfterAServicePrefix(String path, String canonical) {
		assertThat(CanonicalPathFilter.canonical(path)).isEqualTo(canonical);
	}

}
