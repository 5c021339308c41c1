package io.dispycluster.worker.extract;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The e-mail addresses found on a page, each once. One address written in two cases is
 * one address: the case of a domain never matters, and no mail system in use delivers
 * {@code Alice@} and {@code alice@} to two people, although RFC 5321 would allow a local
 * part to tell them apart. The first form found is kept, its domain in lower case.
 */
final class EmailAddresses {

	private EmailAddresses() {
	}

	/**
	 * The distinct addresses among those found, sorted.
	 * @param found addresses in the order they were found, duplicates included
	 * @return each address once, in its first form with its domain in lower case
	 */
	static List<String> distinct(Collection<String> found) {
		Map<String, String> byAddress = new LinkedHashMap<>();
		for (String email : found) {
			String form = withLowerCaseDomain(email);
			byAddress.putIfAbsent(form.toLowerCase(Locale.ROOT), form);
		}
		return byAddress.values().stream().sorted().toList();
	}

	private static String withLowerCaseDomain(String email) {
		int at = email.lastIndexOf('@');
		return email.substring(0, at + 1) + email.substring(at + 1).toLowerCase(Locale.ROOT);
	}

}
