package io.dispycluster.model.job;

import java.util.List;

/**
 * Personal data found on one page: sorted, unique e-mail addresses and phone numbers,
 * taken from the visible text and from {@code mailto:} / {@code tel:} links.
 *
 * @param emails the e-mail addresses
 * @param phones the phone numbers as written on the page
 */
public record PiiFindings(List<String> emails, List<String> phones) {

	public PiiFindings {
		emails = List.copyOf(emails);
		phones = List.copyOf(phones);
	}

}
