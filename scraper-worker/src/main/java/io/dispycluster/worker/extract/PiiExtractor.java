package io.dispycluster.worker.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import io.dispycluster.model.job.PiiFindings;
import org.jsoup.nodes.Document;

/**
 * The e-mail addresses and phone numbers a page shows its readers or links to: searched
 * in the visible text (never in scripts, styles, comments or attributes), addresses in
 * disguise included ({@link ObfuscatedEmailRule}: {@code john [at] example [dot] com},
 * Cloudflare's e-mail protection), and in {@code mailto:} and {@code tel:} links. Each
 * list is sorted and without duplicates; an address written in several cases is listed
 * once ({@link EmailAddresses}).
 */
public class PiiExtractor implements Extractor<PiiFindings> {

	private final Extractor<String> visibleText = new VisibleTextExtractor();

	@Override
	public PiiFindings extract(Document page) {
		String text = this.visibleText.extract(page);
		// Both scans of single characters read an array: see PhoneRule.
		char[] chars = text.toCharArray();
		List<String> emails = new ArrayList<>(EmailRule.find(text));
		emails.addAll(ObfuscatedEmailRule.find(page, text, chars));
		emails.addAll(ContactLinks.emails(page));
		SortedSet<String> phones = new TreeSet<>(PhoneRule.find(text, chars));
		phones.addAll(ContactLinks.phones(page));
		return new PiiFindings(EmailAddresses.distinct(emails), List.copyOf(phones));
	}

}
