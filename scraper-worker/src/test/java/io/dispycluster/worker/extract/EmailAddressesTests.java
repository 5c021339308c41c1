package io.dispycluster.worker.extract;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page's addresses, each once whatever its case, in the first form found with the
 * domain in lower case, sorted.
 */
class EmailAddressesTests {

	@Test
	void listsAnAddressWrittenInSeveralCasesOnceInItsFirstForm() {
		assertThat(EmailAddresses.distinct(List.of("Alice.Martin@Example.ORG", "alice.martin@example.org",
				"ALICE.MARTIN@EXAMPLE.ORG", "bob@example.org", "Bob@Example.org")))
			.containsExactly("Alice.Martin@example.org", "bob@example.org");
	}

	@Test
	void lowerCasesTheDomainOnly() {
		assertThat(EmailAddresses.distinct(List.of("Sales.Team@Shop.Example.CO.UK")))
			.containsExactly("Sales.Team@shop.example.co.uk");
	}

	@Test
	void keepsDistinctAddressesSorted() {
		assertThat(EmailAddresses
			.distinct(List.of("zoe@example.org", "Adam@example.org", "adam@example.net", "zoe@example.org")))
			.containsExactly("Adam@example.org", "adam@example.net", "zoe@example.org");
	}

}
