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
			/jobs/./               | /jobs
			/jobs/.                | /jobs
			/jobs/a/../b           | /jobs/b
			/jobs/..               | /
			/jobs/../..            | /
			/cluster/jobs/..       | /cluster/
			/cluster/./jobs        | /cluster/jobs
			/cluster/x/../internal | /cluster/internal
			/jobs/%2e/             | /jobs
			/jobs/a/%2E%2e/b       | /jobs/b
			/jobs/a/.%2E           | /jobs
			/jobs//..              | /
			/jobs/.hidden/..x      | /jobs/.hidden/..x
			/jobs/job_1.json       | /jobs/job_1.json
			""")
	void removesEmptySegmentsAndTheTrailingSlashButAfterAServicePrefix(String path, String canonical) {
		assertThat(CanonicalPathFilter.canonical(path)).isEqualTo(canonical);
	}

}
